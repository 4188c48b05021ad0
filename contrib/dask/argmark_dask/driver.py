"""Run argmark on a Dask cluster: shard the input, run `argmark batch` or `argmark summarize`
on the workers, merge the partial reports with `argmark report --from`.

The work per article happens on the workers (reading, parsing, the schema, argmark's rules, the
per-article summary); the driver only lists the input, hands out shards and runs the merge. The
report it writes is byte for byte the report `argmark report` gives in one process over the same
articles (see the argmark README, "Batch and distributed runs").

Inputs are local paths (a folder of argmark files, files, or a JSON Lines file) or fsspec URLs
(s3://, gs://, hdfs://, file://...). Local paths must be readable at the same path on every worker
(a shared file system, or a LocalCluster); URLs are read by the workers through fsspec.
"""

import argparse
import json
import logging
import os
import posixpath
import resource
import shutil
import subprocess
import sys
import tempfile
import threading
import time
import uuid

import fsspec
from distributed import Client

# How many file paths one `argmark summarize` call gets (the command line has a length limit).
FILES_PER_CALL = 1000


def is_url(path):
    return "://" in path


def list_articles(root):
    """The article files under `root` (a file or a folder, searched recursively for *.xml, hidden
    entries and corpus.xml skipped), named as `argmark report ROOT` names them."""
    if not is_url(root):
        if os.path.isfile(root):
            return [root]
        found = []
        prefix = root if root.endswith("/") else root + "/"
        for folder, folders, files in os.walk(root):
            folders[:] = [name for name in folders if not name.startswith(".")]
            relative = os.path.relpath(folder, root)
            for name in files:
                if name.endswith(".xml") and name != "corpus.xml" and not name.startswith("."):
                    found.append(prefix + (name if relative == "." else relative + "/" + name))
        return sorted(found)
    fs, path = fsspec.core.url_to_fs(root)
    if fs.isfile(path):
        return [url_of(fs, root, path)]
    found = []
    for entry in fs.find(path):
        relative = posixpath.relpath(entry, path)
        if any(part.startswith(".") for part in relative.split("/")):
            continue
        name = posixpath.basename(entry)
        if name.endswith(".xml") and name != "corpus.xml":
            found.append(url_of(fs, root, entry))
    return sorted(found)


def url_of(fs, root, path):
    """A file's URL; file:// URLs become plain paths, as a local run names them."""
    protocol = root.split("://", 1)[0]
    if protocol in ("file", "local"):
        return path
    return protocol + "://" + path


def shards(items, count):
    """`items` in `count` contiguous runs of nearly equal length (none empty)."""
    count = max(1, min(count, len(items)))
    size, extra = divmod(len(items), count)
    result, start = [], 0
    for index in range(count):
        end = start + size + (1 if index < extra else 0)
        result.append(items[start:end])
        start = end
    return result


def byte_ranges(url, count):
    """`count` byte ranges covering the file; a line belongs to the range it starts in."""
    with fsspec.open(url, "rb") as handle:
        size = handle.seek(0, 2)
    if size == 0:
        return [(0, 0)]
    count = max(1, min(count, size or 1))
    step = -(-size // count)
    return [(start, min(size, start + step)) for start in range(0, size, step)] or [(0, 0)]


def lines_in_range(url, start, end):
    """The lines of `url` that start in [start, end), as bytes with their newline."""
    with fsspec.open(url, "rb") as handle:
        if start > 0:
            handle.seek(start - 1)
            if handle.read(1) != b"\n":
                handle.readline()
        while handle.tell() < end:
            line = handle.readline()
            if not line:
                break
            yield line


# ---------------------------------------------------------------- work done on the workers


def _write_part(local_path, destination):
    """Moves a part written locally to `destination` (a path or an fsspec URL)."""
    if is_url(destination):
        with open(local_path, "rb") as source, fsspec.open(destination, "wb") as target:
            shutil.copyfileobj(source, target, 1 << 20)
        os.remove(local_path)
    else:
        shutil.move(local_path, destination)


def _check(completed, command):
    # 1 means "some records or files were not ok": they are in the output, not a failure of the run.
    if completed.returncode not in (0, 1):
        raise RuntimeError("%s exited %d: %s" % (" ".join(command[:3]), completed.returncode, completed.stderr.decode(errors="replace")[-2000:]))
    return completed.returncode


def summarize_files(argmark, paths, destination, facts=False):
    """Worker task: `argmark summarize` over local files, written as one part at `destination`
    (a part of facts with `facts`)."""
    scratch = tempfile.mkdtemp(prefix="argmark-part-")
    try:
        local = os.path.join(scratch, "part")
        worst = 0
        with open(local, "wb") as out:
            for start in range(0, len(paths), FILES_PER_CALL):
                command = [argmark, "summarize"] + (["--facts"] if facts else []) + paths[start:start + FILES_PER_CALL]
                completed = subprocess.run(command, stdout=out, stderr=subprocess.PIPE)
                worst = max(worst, _check(completed, command))
        _write_part(local, destination)
        return {"status": worst, "articles": len(paths)}
    finally:
        shutil.rmtree(scratch, ignore_errors=True)


def _run_batch(argmark, arguments, records, destination):
    """Feeds `records` (an iterator of bytes lines) to `argmark batch`, its output to `destination`;
    returns the exit status and the number of lines fed."""
    scratch = tempfile.mkdtemp(prefix="argmark-batch-")
    try:
        local = os.path.join(scratch, "out")
        command = [argmark, "batch"] + arguments
        fed = [0]
        with open(local, "wb") as out, open(os.path.join(scratch, "err"), "w+b") as err:
            process = subprocess.Popen(command, stdin=subprocess.PIPE, stdout=out, stderr=err)
            problem = []

            def feed():
                try:
                    for line in records:
                        process.stdin.write(line if line.endswith(b"\n") else line + b"\n")
                        fed[0] += 1
                except BaseException as error:  # handed to the task below
                    problem.append(error)
                finally:
                    process.stdin.close()

            writer = threading.Thread(target=feed)
            writer.start()
            writer.join()
            process.wait()
            if problem:
                raise problem[0]
            err.seek(0)
            status = _check(subprocess.CompletedProcess(command, process.returncode, None, err.read()), command)
        _write_part(local, destination)
        return {"status": status, "lines": fed[0]}
    finally:
        shutil.rmtree(scratch, ignore_errors=True)


def summarize_urls(argmark, urls, destination, facts=False):
    """Worker task: articles read through fsspec, as batch records with their folder's corpus.xml."""
    corpora = {}

    def corpus_of(url):
        folder = url.rsplit("/", 1)[0]
        if folder not in corpora:
            fs, path = fsspec.core.url_to_fs(folder + "/corpus.xml")
            corpora[folder] = fs.cat_file(path).decode("utf-8") if fs.exists(path) else None
        return corpora[folder]

    def records():
        for url in urls:
            with fsspec.open(url, "rb") as handle:
                data = handle.read()
            record = {"path": url, "xml": data.decode("utf-8", errors="replace")}
            corpus = corpus_of(url)
            if corpus is not None:
                record["corpus"] = corpus
            yield json.dumps(record, ensure_ascii=False).encode("utf-8")

    result = _run_batch(argmark, ["--do", "summarize"] + (["--facts"] if facts else []), records(), destination)
    result["articles"] = len(urls)
    return result


def count_lines(url, start, end):
    """Worker task: how many lines start in [start, end) (the first pass of a JSON Lines run)."""
    return sum(1 for _ in lines_in_range(url, start, end))


def batch_range(argmark, arguments, url, start, end, first_line, files, destination):
    """Worker task: the lines of a JSON Lines file in one byte range through `argmark batch`,
    numbered as lines of the whole file (`first_line` is the number of the range's first line).
    `files` maps an option (`--corpus`, `--model`) to the bytes of the file it names, read once on
    the driver, so a worker needs no access to where they came from."""
    scratch = None
    arguments = arguments + ["--first-line", str(first_line)]
    try:
        if files:
            scratch = tempfile.mkdtemp(prefix="argmark-files-")
            for index, (option, contents) in enumerate(sorted(files.items())):
                path = os.path.join(scratch, "%d-%s" % (index, "corpus.xml" if option == "--corpus" else "file"))
                with open(path, "wb") as handle:
                    handle.write(contents)
                arguments = arguments + [option, path]
        return _run_batch(argmark, arguments, lines_in_range(url, start, end), destination)
    finally:
        if scratch:
            shutil.rmtree(scratch, ignore_errors=True)


# ---------------------------------------------------------------- the driver

def connect(options):
    if options.scheduler:
        return Client(options.scheduler), None
    import dask
    from distributed import LocalCluster
    # The workers' own chatter at shutdown (heartbeats to a closing scheduler) is not news.
    dask.config.set({"logging": {"distributed": "critical"}})
    cluster = LocalCluster(n_workers=options.workers, threads_per_worker=1, processes=True,
                           host="127.0.0.1", dashboard_address=None, silence_logs=logging.ERROR)
    return Client(cluster), cluster


def run(options):
    timings = {}
    began = time.monotonic()
    parts_home = options.parts or tempfile.mkdtemp(prefix="argmark-parts-")
    if not is_url(parts_home):
        os.makedirs(parts_home, exist_ok=True)
    run_id = uuid.uuid4().hex[:12]
    client, cluster = connect(options)
    worst = 0
    try:
        shard_count = options.shards or max(1, 4 * len(client.scheduler_info().get("workers", {})) or 1)
        jsonl = len(options.inputs) == 1 and options.inputs[0].endswith((".jsonl", ".ndjson", ".jsonl.gz"))
        futures = []
        if jsonl:
            url = options.inputs[0]
            files = {}
            if options.corpus:
                corpus_path = options.corpus if options.corpus.endswith(".xml") else options.corpus.rstrip("/") + "/corpus.xml"
                with fsspec.open(corpus_path, "rb") as handle:
                    files["--corpus"] = handle.read()
            arguments = ["--do", "summarize" if options.command == "report" else options.do]
            if options.command == "report" and options.shingle_ranges:
                arguments += ["--facts"]
            if options.command == "batch" and options.do == "suggest":
                arguments += ["--min-confidence", str(options.min_confidence)]
                if options.types:
                    arguments += ["--types", options.types]
                if options.no_relations:
                    arguments += ["--no-relations"]
                if options.model:
                    with fsspec.open(options.model, "rb") as handle:
                        files["--model"] = handle.read()
            ranges = byte_ranges(url, shard_count)
            # Two passes: the lines in each range, then each range through argmark batch with the
            # number of its first line, so records and findings name lines of the whole file.
            counts = client.gather([client.submit(count_lines, url, start, end, pure=False) for start, end in ranges])
            first = 1
            for index, (start, end) in enumerate(ranges):
                destination = join(parts_home, "%s-%05d.jsonl" % (run_id, index))
                futures.append((destination, client.submit(batch_range, options.argmark, arguments, url, start, end, first, files, destination, pure=False)))
                first += counts[index]
        else:
            if options.command == "batch":
                raise SystemExit("argmark-dask: error: batch takes one JSON Lines file (.jsonl); give folders to report")
            files = sorted({path for root in options.inputs for path in list_articles(root)})
            if not files:
                raise SystemExit("argmark-dask: error: no argmark article files found in %s" % " ".join(options.inputs))
            task = summarize_urls if any(is_url(path) for path in options.inputs) else summarize_files
            for index, shard in enumerate(shards(files, shard_count)):
                destination = join(parts_home, "%s-%05d.part" % (run_id, index))
                futures.append((destination, client.submit(task, options.argmark, shard, destination, bool(options.shingle_ranges), pure=False)))
        results = [future.result() for _, future in futures]
        worst = max([result["status"] for result in results] + [0])
        timings["map_seconds"] = time.monotonic() - began
        timings["shards"] = len(futures)
        destinations = [destination for destination, _ in futures]
        matches = []
        if options.command == "report" and options.shingle_ranges:
            join_began = time.monotonic()
            matches = shingle_join(client, options, destinations, parts_home, run_id)
            timings["join_seconds"] = time.monotonic() - join_began

        merge_began = time.monotonic()
        with tempfile.TemporaryDirectory(prefix="argmark-merge-") as scratch:
            local_parts = fetch(destinations, scratch)
            local_matches = fetch(matches, scratch, "matches")
            if options.command == "batch":
                worst = max(worst, concatenate(local_parts, options.output))
            else:
                worst = merge(options, local_parts, scratch, local_matches)
        timings["merge_seconds"] = time.monotonic() - merge_began
        timings["merge_peak_rss_kib"] = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss
        if not options.parts:
            shutil.rmtree(parts_home, ignore_errors=True)
    finally:
        client.close()
        if cluster is not None:
            cluster.close()
    timings["total_seconds"] = time.monotonic() - began
    if options.timings:
        with open(options.timings, "w") as handle:
            json.dump(timings, handle, indent=2, sort_keys=True)
    return worst


def join(home, name):
    return home.rstrip("/") + "/" + name


def fetch(destinations, scratch, name="part"):
    """The parts as local files (copied from object storage when they are URLs)."""
    local = []
    for index, destination in enumerate(destinations):
        if is_url(destination):
            path = os.path.join(scratch, "%s-%05d" % (name, index))
            with fsspec.open(destination, "rb") as source, open(path, "wb") as target:
                shutil.copyfileobj(source, target, 1 << 20)
            local.append(path)
        else:
            local.append(destination)
    return local


def concatenate(parts, output):
    """Batch outputs in shard order: the lines of the whole input, in order."""
    with open_output(output) as out:
        for path in parts:
            with open(path, "rb") as source:
                shutil.copyfileobj(source, out, 1 << 20)
    return 0


class open_output:
    """A file or URL to write, or standard output for '-'."""

    def __init__(self, output):
        self.output = output

    def __enter__(self):
        if self.output in (None, "-"):
            self.handle = None
            return sys.stdout.buffer
        self.handle = fsspec.open(self.output, "wb").open()
        return self.handle

    def __exit__(self, *exc):
        if self.handle is not None:
            self.handle.close()
        else:
            sys.stdout.buffer.flush()


def shingle_reduce(argmark, step, shingle_range, parts, counts, destination):
    """Worker task: one reducer of the shared-text join, `argmark shingles count` (`step`
    "count": returns the counts file's bytes, a few hundred) or `argmark shingles match` (given
    every range's counts as bytes: writes the range's matches to `destination`). Every reducer
    reads every part, and keeps only its range's shingles."""
    scratch = tempfile.mkdtemp(prefix="argmark-shingles-")
    try:
        local_parts = fetch(parts, scratch)
        output = os.path.join(scratch, "out")
        command = [argmark, "shingles", step, "--range", shingle_range]
        if step == "match":
            paths = []
            for index, contents in enumerate(counts):
                path = os.path.join(scratch, "counts-%05d" % index)
                with open(path, "wb") as handle:
                    handle.write(contents)
                paths.append(path)
            command += ["--counts"] + paths
        command += ["--from"] + local_parts + ["-o", output]
        completed = subprocess.run(command, stderr=subprocess.PIPE)
        if completed.returncode != 0:
            raise RuntimeError("%s exited %d: %s" % (" ".join(command[:5]), completed.returncode, completed.stderr.decode(errors="replace")[-2000:]))
        if step == "count":
            with open(output, "rb") as handle:
                return handle.read()
        _write_part(output, destination)
        return destination
    finally:
        shutil.rmtree(scratch, ignore_errors=True)


def shingle_join(client, options, parts, parts_home, run_id):
    """The shared-text join on the workers, one hash range of shingles per task: the counts of
    every range (gathered here: they fix the work budget), then every range's matches (written
    beside the parts); returns where the matches are."""
    count = options.shingle_ranges
    ranges = ["%d/%d" % (index, count) for index in range(count)]
    counts = client.gather([client.submit(shingle_reduce, options.argmark, "count", name, parts, None, None, pure=False) for name in ranges])
    destinations = [join(parts_home, "%s-matches-%05d" % (run_id, index)) for index in range(count)]
    return client.gather([client.submit(shingle_reduce, options.argmark, "match", name, parts, counts, destination, pure=False)
                          for name, destination in zip(ranges, destinations)])


def merge(options, parts, scratch, matches=()):
    """The reduce: `argmark report --from` (or `summarize --from` for a merged part), with the
    shingle join's matches when it ran."""
    local_output = os.path.join(scratch, "merged")
    if options.format == "part":
        command = [options.argmark, "summarize", "--from"] + parts + ["-o", local_output]
    else:
        command = [options.argmark, "report", "--from"] + parts + ["--format", options.format, "-o", local_output]
        if matches:
            command += ["--matches"] + list(matches)
    completed = subprocess.run(command, stderr=subprocess.PIPE)
    sys.stderr.write(completed.stderr.decode(errors="replace"))
    if completed.returncode not in (0, 1) or not os.path.exists(local_output):
        return completed.returncode or 2
    with open(local_output, "rb") as source, open_output(options.output) as target:
        shutil.copyfileobj(source, target, 1 << 20)
    return completed.returncode


def parser():
    top = argparse.ArgumentParser(prog="argmark-dask", description=__doc__.split("\n\n")[0])
    commands = top.add_subparsers(dest="command", required=True)

    def cluster_options(command):
        command.add_argument("--argmark", default=shutil.which("argmark") or "argmark",
                             help="the argmark executable, at the same path on every worker (default: argmark on PATH)")
        command.add_argument("--scheduler", help="address of a running Dask scheduler (tcp://host:8786); default: a local cluster")
        command.add_argument("--workers", type=int, default=2, help="workers of the local cluster (default 2)")
        command.add_argument("--shards", type=int, default=0, help="how many shards (default: 4 per worker)")
        command.add_argument("--parts", help="where workers write their parts (a shared path or an fsspec URL); default: a temporary folder, removed afterwards")
        command.add_argument("--corpus", help="with a JSON Lines input: a corpus.xml (or its folder) for every record")
        command.add_argument("--timings", help="write the phase times and the merge's peak memory as JSON to this file")
        command.add_argument("-o", "--output", default="-", help="where the result goes (a path or an fsspec URL; default stdout)")

    report = commands.add_parser("report", help="the comparison report over folders, files or a JSON Lines file of records")
    report.add_argument("inputs", nargs="+", help="folders or files of argmark articles (paths or URLs), or one .jsonl file of batch records")
    report.add_argument("--format", default="json", choices=["json", "html", "markdown", "part"], help="report format, or part for the merged partial report")
    report.add_argument("--shingle-ranges", type=int, default=0, metavar="N",
                        help="write parts of facts (argmark summarize --facts) and find the shared text on the workers, "
                             "one of N hash ranges of shingles per task (argmark shingles); JSON report only")
    cluster_options(report)

    batch = commands.add_parser("batch", help="argmark batch over a JSON Lines file, sharded by byte ranges")
    batch.add_argument("inputs", nargs=1, help="a .jsonl file of records (path or URL)")
    batch.add_argument("--do", required=True, choices=["validate", "suggest", "summarize"])
    batch.add_argument("--min-confidence", type=float, default=0.0, help="with --do suggest: as for argmark batch")
    batch.add_argument("--model", help="with --do suggest: a model written by argmark train (a path or an fsspec URL, read once here and sent to the workers)")
    batch.add_argument("--types", help="with --do suggest: the unit types your project annotates (claim,evidence)")
    batch.add_argument("--no-relations", action="store_true", help="with --do suggest: do not suggest relations")
    cluster_options(batch)
    return top


def main(argv=None):
    options = parser().parse_args(argv)
    if options.command == "batch" and options.do != "suggest" and (options.model or options.types or options.no_relations):
        sys.stderr.write("argmark-dask: error: --model, --types and --no-relations go with --do suggest\n")
        sys.exit(2)
    if options.command == "report" and options.shingle_ranges:
        if options.shingle_ranges < 0 or options.shingle_ranges > 65536:
            sys.stderr.write("argmark-dask: error: --shingle-ranges takes a number of ranges from 1 to 65536\n")
            sys.exit(2)
        if options.format != "json":
            sys.stderr.write("argmark-dask: error: --shingle-ranges makes parts of facts, which give the JSON report only; pass --format json\n")
            sys.exit(2)
    # The workers do not share the driver's working directory.
    if getattr(options, "parts", None) and not is_url(options.parts):
        options.parts = os.path.abspath(options.parts)
    if not is_url(options.argmark) and os.path.sep in options.argmark:
        options.argmark = os.path.abspath(options.argmark)
    try:
        status = run(options)
    except (OSError, RuntimeError) as error:
        sys.stderr.write("argmark-dask: error: %s\n" % error)
        status = 2
    sys.exit(status)


if __name__ == "__main__":
    main()
