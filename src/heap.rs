//! The process's heap, kept close to what the desk holds.
//!
//! glibc gives each thread that allocates an arena of its own, and sled's threads and the
//! desk's background opening each filled one with nodes read and dropped: at a million visits
//! the desk peaked 5–6 MB higher than with one arena (in the desk benchmark, searches no
//! slower; reports 2.5 ms slower until a stage clock's tier was kept inline, the one
//! allocation each of their 95 000 rows made while two threads decode them). Mapping large
//! buffers (`M_MMAP_THRESHOLD` 32 KiB) took off another megabyte but made the reports 10 ms
//! slower, their rows' vectors faulted in anew each time.

/// Call first thing in `main`, before any thread starts.
pub fn keep_small() {
    #[cfg(all(target_os = "linux", target_env = "gnu"))]
    // SAFETY: mallopt only changes glibc's allocation parameters; called before other
    // threads exist, nothing allocates concurrently with the change.
    unsafe {
        libc::mallopt(libc::M_ARENA_MAX, 1);
    }
}
