/*
 * The canary: built with -DNB_FUZZ_CANARY, each harness plants a heap
 * overflow behind a condition only a parser's success can meet. CI runs
 * these builds for the same time as the real ones and wants a crash; a
 * harness that never reaches its parser, or a fuzzer that finds nothing,
 * is caught that way.
 */
#ifndef NB_FUZZ_CANARY_H
#define NB_FUZZ_CANARY_H

#ifdef NB_FUZZ_CANARY
#include <stdlib.h>
#define CANARY(cond)                                                    \
	do {                                                            \
		if (cond) {                                             \
			volatile char *canary_ = malloc(8);             \
			canary_[8] = 1;	/* the planted bug */           \
			free((void *)canary_);                          \
		}                                                       \
	} while (0)
#else
#define CANARY(cond) ((void)0)
#endif

#endif
