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
 * characters utf8_invisible names.
 */
size_t	utf8_control(const char *s, int layout, uint32_t *cp);

/* The bidirectional controls U+202A..U+202E and U+2066..U+2069, which
 * reorder the text around them, and the marks U+061C, U+200E, U+200F. */
int	utf8_bidi(uint32_t cp);
/*
 * Whether cp is invisible yet changes how text reads or matches: a
 * bidirectional control (utf8_bidi), or a character that shows as
 * nothing, so that one name could pass for another: U+200B, U+2060..
 * U+2064, U+FEFF (a byte order mark anywhere but at the start of a
 * file), the soft hyphen U+00AD, U+034F, the Hangul fillers U+115F,
 * U+1160, U+3164 and U+FFA0, U+180E, the line and paragraph separators
 * U+2028 and U+2029, U+FFF9..U+FFFB and the tags U+E0000..U+E007F.  The
 * zero-width (non-)joiners U+200C and U+200D are not: scripts and emoji
 * need them.
 */
int	utf8_invisible(uint32_t cp);
/*
 * What a character utf8_control found is, for messages: "control
 * character", "bidirectional control" (Unicode's Bidi_Control) or
 * "invisible character".
 */
const char *utf8_control_name(uint32_t cp);

/* Number of code points in the first len bytes of valid UTF-8 s. */
size_t	utf8_count(const char *s, size_t len);

#endif
