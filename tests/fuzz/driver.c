/*
 * driver.c - runs a libFuzzer harness without libFuzzer, so that make
 * check builds every harness with the compiler CI uses and replays its
 * seeds under the sanitizers.
 *
 *	fuzz_x [-m N] FILE...	each file is one input
 *	fuzz_x [-m N] -l FILE	each line of the file is one input
 *
 * With -m, each input is also replayed N times with a few bytes flipped,
 * inserted or cut: a fixed sequence, so a failure always reproduces.  The
 * real search is `make fuzz` (clang, coverage-guided).
 *
 * Memory: every input is freed before the next one is read.
 */
#include <errno.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

int	LLVMFuzzerTestOneInput(const uint8_t *, size_t);

static unsigned long mutations;

static unsigned
next_random(unsigned *x)
{
	*x = *x * 1103515245u + 12345u;
	return *x >> 16;
}

/* One mutant of in[0..len) into out, which has room for len + 8 bytes. */
static size_t
mutate(const uint8_t *in, size_t len, uint8_t *out, unsigned *x)
{
	static const char special[] = "()\"-:;,\r\n\t\\ OR NOT >=..\xc3\xa9";
	size_t n = len, at, k, edits = 1 + next_random(x) % 3;

	memcpy(out, in, len);
	for (k = 0; k < edits; k++) {
		at = n == 0 ? 0 : next_random(x) % (n + 1);
		switch (next_random(x) % 3) {
		case 0:
			if (at < n)
				out[at] ^= (uint8_t)(1u << next_random(x) % 8);
			break;
		case 1:
			if (n < len + 8) {
				memmove(out + at + 1, out + at, n - at);
				out[at] = (uint8_t)special[next_random(x) %
				    (sizeof special - 1)];
				n++;
			}
			break;
		default:
			if (at < n) {
				memmove(out + at, out + at + 1, n - at - 1);
				n--;
			}
			break;
		}
	}
	return n;
}

static void
run(const uint8_t *in, size_t len)
{
	uint8_t *out;
	unsigned long i;
	unsigned x = (unsigned)len;

	LLVMFuzzerTestOneInput(in, len);
	if (mutations == 0)
		return;
	if ((out = malloc(len + 8)) == NULL) {
		perror("fuzz driver");
		exit(2);
	}
	for (i = 0; i < mutations; i++)
		LLVMFuzzerTestOneInput(out, mutate(in, len, out, &x));
	free(out);
}

static uint8_t *
slurp(const char *path, size_t *len)
{
	FILE *fp;
	uint8_t *buf = NULL;
	size_t cap = 0, n;

	if ((fp = fopen(path, "rb")) == NULL) {
		fprintf(stderr, "fuzz driver: %s: %s\n", path, strerror(errno));
		exit(2);
	}
	*len = 0;
	do {
		if (*len == cap && (buf = realloc(buf, cap = cap * 2 + 4096))
		    == NULL) {
			perror("fuzz driver");
			exit(2);
		}
		n = fread(buf + *len, 1, cap - *len, fp);
		*len += n;
	} while (n > 0);
	if (ferror(fp)) {
		fprintf(stderr, "fuzz driver: %s: read error\n", path);
		exit(2);
	}
	fclose(fp);
	return buf;
}

int
main(int argc, char **argv)
{
	uint8_t *buf;
	size_t len, start, i;
	unsigned long inputs = 0;
	int a = 1, lines = 0;

	if (a + 1 < argc && strcmp(argv[a], "-m") == 0) {
		mutations = strtoul(argv[a + 1], NULL, 10);
		a += 2;
	}
	if (a < argc && strcmp(argv[a], "-l") == 0) {
		lines = 1;
		a++;
	}
	if (a >= argc) {
		fprintf(stderr, "usage: %s [-m N] [-l] FILE...\n", argv[0]);
		return 2;
	}
	for (; a < argc; a++) {
		buf = slurp(argv[a], &len);
		if (!lines) {
			run(buf, len);
			inputs++;
		} else
			for (start = i = 0; i <= len; i++)
				if (i == len || buf[i] == '\n') {
					run(buf + start, i - start);
					inputs++;
					start = i + 1;
				}
		free(buf);
	}
	printf("%lu inputs, %lu runs each\n", inputs, mutations + 1);
	return 0;
}
