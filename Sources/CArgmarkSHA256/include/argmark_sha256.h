#ifndef ARGMARK_SHA256_H
#define ARGMARK_SHA256_H
#include <stddef.h>
#include <stdint.h>

/// Whether this processor has the SHA extensions (SHA-NI) with SSSE3 and SSE4.1.
int argmark_sha256_hardware_available(void);

/// Runs the SHA-256 compression function over `blocks` 64-byte blocks with SHA-NI.
/// Call only when argmark_sha256_hardware_available() returned 1.
void argmark_sha256_hardware_blocks(uint32_t state[8], const uint8_t *data, size_t blocks);

/// The same block function in portable C, for processors without the extensions.
void argmark_sha256_portable_blocks(uint32_t state[8], const uint8_t *data, size_t blocks);

#endif
