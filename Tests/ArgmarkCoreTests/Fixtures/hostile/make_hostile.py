#!/usr/bin/env python3
"""Writes the hostile and broken input fixtures (run from this folder). Large inputs (100,000
nested elements, a 200 MB file) are made at test time instead; see HostileInputTests.swift."""

# Every fixture that points at another file points at secret.txt; its marker must never appear
# in any output of argmark.
MARKER = "ARGMARK-SECRET-MARKER-7f3a"

TEXT = "hello world. this is text.\n"
DIGEST = "f472881dfd1e19ff3acfc8366dfd70c4d7c1982df84d620d532afdac2bb2c7ce"
HEAD = '<?xml version="1.0" encoding="UTF-8"?>\n'


def article(text_content=TEXT, root_attributes='xmlns="urn:argmark:1" version="1" id="hostile"', extra="", digest=DIGEST):
    return (HEAD + f'<article {root_attributes}>\n  <meta>\n  </meta>\n'
            f'  <text sha256="{digest}">{text_content}</text>\n{extra}</article>\n')


def write(name, content):
    data = content.encode("utf-8") if isinstance(content, str) else content
    with open(name, "wb") as f:
        f.write(data)


write("secret.txt", MARKER + "\n")
write("valid.xml", article())
write("xxe-local-file.xml", HEAD + '<!DOCTYPE article [<!ENTITY secret SYSTEM "secret.txt">]>\n'
      + article(text_content="&secret;")[len(HEAD):])
write("xxe-absolute-path.xml", HEAD + '<!DOCTYPE article [<!ENTITY secret SYSTEM "file:///etc/passwd">]>\n'
      + article(text_content="&secret;")[len(HEAD):])
write("xxe-url.xml", HEAD + '<!DOCTYPE article [<!ENTITY secret SYSTEM "http://127.0.0.1:9/secret">]>\n'
      + article(text_content="&secret;")[len(HEAD):])
write("xxe-parameter-entity.xml", HEAD + '<!DOCTYPE article [<!ENTITY % p SYSTEM "secret.txt"> %p;]>\n'
      + article()[len(HEAD):])
laughs = "".join(f'<!ENTITY lol{i} "{("&lol%d;" % (i - 1)) * 10 if i > 1 else "lol"}">' for i in range(1, 11))
write("billion-laughs.xml", HEAD + f'<!DOCTYPE article [{laughs}]>\n' + article(text_content="&lol10;")[len(HEAD):])
write("external-dtd.xml", HEAD + '<!DOCTYPE article SYSTEM "http://127.0.0.1:9/argmark.dtd">\n' + article()[len(HEAD):])
write("external-dtd-local.xml", HEAD + '<!DOCTYPE article SYSTEM "secret.txt">\n' + article()[len(HEAD):])
write("doctype-after-comment.xml", HEAD + '<!-- a comment --><?pi data?>\n<!DOCTYPE article [<!ENTITY secret SYSTEM "secret.txt">]>\n'
      + article(text_content="&secret;")[len(HEAD):])
write("xinclude.xml", article(text_content='<xi:include href="secret.txt" parse="text"/>',
      root_attributes='xmlns="urn:argmark:1" xmlns:xi="http://www.w3.org/2001/XInclude" version="1" id="hostile"'))
write("xinclude-element.xml", article(root_attributes='xmlns="urn:argmark:1" xmlns:xi="http://www.w3.org/2001/XInclude" version="1" id="hostile"',
      extra='  <xi:include href="secret.txt" parse="text"/>\n'))
write("schema-location.xml", article(root_attributes='xmlns="urn:argmark:1" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" '
      'xsi:schemaLocation="urn:argmark:1 http://127.0.0.1:9/evil.xsd" version="1" id="hostile"'))
write("invalid-utf8.xml", article().encode("utf-8").replace(b"hello", b"hel\xff\xfelo"))
write("latin1-bytes.xml", article().encode("utf-8").replace(b"hello", b"h\xe9llo"))
write("declared-latin1.xml", article().replace('encoding="UTF-8"', 'encoding="ISO-8859-1"'))
write("utf16-bom.xml", article().replace('encoding="UTF-8"', 'encoding="UTF-16"').encode("utf-16"))
write("utf16-no-bom.xml", article().replace('encoding="UTF-8"', 'encoding="UTF-16"').encode("utf-16-le"))
write("utf16-big-endian.xml", article().replace('encoding="UTF-8"', 'encoding="UTF-16"').encode("utf-16-be"))
write("utf32.xml", article().replace('encoding="UTF-8"', 'encoding="UTF-32"').encode("utf-32"))
write("nul-byte.xml", article().encode("utf-8").replace(b"hello", b"hel\x00lo"))
write("nul-only.xml", b"\x00" * 64)
write("binary.xml", bytes(range(256)) * 4)
write("wrong-namespace.xml", article(root_attributes='xmlns="urn:argmark:2" version="1" id="hostile"'))
write("missing-namespace.xml", article(root_attributes='version="1" id="hostile"'))
write("unknown-element.xml", article(extra="  <comments>secret</comments>\n"))
write("unknown-root.xml", HEAD + '<html xmlns="urn:argmark:1"><body/></html>\n')
write("offset-overflow.xml", article(extra='  <units>\n    <unit id="u1" type="claim" start="99999999999999999999" end="99999999999999999999999">hello</unit>\n  </units>\n'))
write("offset-negative.xml", article(extra='  <units>\n    <unit id="u1" type="claim" start="-1" end="5">hello</unit>\n  </units>\n'))
write("offset-int-max.xml", article(extra='  <units>\n    <unit id="u1" type="claim" start="2147483646" end="2147483647">hello</unit>\n  </units>\n'))
write("empty.xml", b"")
write("whitespace-only.xml", "  \n\t\n")
write("truncated.xml", article()[:120])
write("control-character-reference.xml", article(text_content="hel&#1;lo world. this is text.\n"))
