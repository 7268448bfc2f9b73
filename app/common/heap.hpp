#pragma once
// Heap settings for long-running processes (the desktop program, the benchmarks).
//
// A forecast allocates a few hundred kilobytes and frees them when the next one replaces it.
// With glibc's defaults, freeing that much at the top of the heap hands it back to the kernel,
// and the next forecast page-faults it in again: on a virtual machine that costs more than the
// forecast itself. Keeping freed memory in the process avoids it.

#include <malloc.h>

namespace steadypay::app {

inline void keep_freed_memory_in_process() {
    constexpr int k_bytes = 64 << 20;
    ::mallopt(M_TRIM_THRESHOLD, k_bytes); // do not return a free heap top smaller than this
    ::mallopt(M_MMAP_THRESHOLD, k_bytes); // serve blocks up to this size from the heap, not mmap
}

} // namespace steadypay::app
