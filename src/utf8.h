/*
 * utf8.h - UTF-8 validation and decoding.
 *
 * Memory: nothing here allocates; all buffers are the caller's.
 */
#ifndef ROSTER_UTF8_H
#define ROSTER_UTF8_H

#include <stddef.h>
#include <stdint.h>

/*
 * Returns 1 if s[0..len) is well-formed UTF-8 (no overlongs, no
 * surrogates, nothing above U+10FFFF), else 0 with *bad set to the byte
 * offset of the first bad sequence (if bad is not NULL).
 */
int	utf8_valid(const char *s, size_t len, size_t *bad);

/*
 * Decodes one code point at s (at most len bytes) into *cp and returns its
 * length in bytes, or returns 0 for an invalid or truncated sequence.
 */
size_t	utf8_decode(const char *s, size_t len, uint32_t *cp);

/*
 * The byte offset of the first character of s that must not be in plain
 * text, with the character in *cp, or (size_t)-1 if there is none: C0
 * controls (but line end, CR and tab when layout is set), DEL, the C1
 * controls U+0080..U+009F, which act like ESC on terminals, and the
 * bidirectional controls U+202A..U+202E and U+2066..U+2069, which
 * reorder the text around them.
 */
size_t	utf8_control(const char *s, int layout, uint32_t *cp);

/* Number of code points in the first len bytes of valid UTF-8 s. */
size_t	utf8_count(const char *s, size_t len);

#endif
