/* Deterministic numbers for the simulations: splitmix64 and the draws
 * built on it, the same on every machine. Each test sets draw_state. */
#ifndef NB_TEST_DRAW_H
#define NB_TEST_DRAW_H

#include <math.h>
#include <stdint.h>

static uint64_t draw_state;

static inline uint64_t draw_next(void)
{
	uint64_t z = (draw_state += 0x9e3779b97f4a7c15ull);

	z = (z ^ (z >> 30)) * 0xbf58476d1ce4e5b9ull;
	z = (z ^ (z >> 27)) * 0x94d049bb133111ebull;
	return z ^ (z >> 31);
}

/* Uniform on [0, 1). */
static inline double uniform(void)
{
	return (double)(draw_next() >> 11) / 9007199254740992.0;
}

/* Standard normal (Box-Muller). */
static inline double normal(void)
{
	double u = uniform(), v = uniform();

	return sqrt(-2 * log(u > 0 ? u : 1e-300)) * cos(2 * M_PI * v);
}

#endif
