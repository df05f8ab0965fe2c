//! Object memory: the small-object allocator (pymalloc) and the allocation and freeing
//! of objects. Mirrors Objects/obmalloc.c, the allocation half of Objects/typeobject.c
//! (`PyType_GenericAlloc`) and Modules/gcmodule.c (`_PyObject_GC_New`,
//! `PyObject_GC_Del`) (CPython 3.11).
//!
//! # Objects
//!
//! An object is `tp_basicsize` bytes (plus `tp_itemsize` per item for variable-sized
//! types), preceded by a `PyGC_Head` for types with `Py_TPFLAGS_HAVE_GC`. The size is
//! recomputed from the object's type when it is freed: it cannot change while the
//! object lives (`__class__` assignment requires the same layout).
//!
//! # pymalloc
//!
//! Most objects are a few dozen bytes and die young, so a general-purpose `malloc`
//! spends much of its time on work they do not need. pymalloc serves every request of at most [`SMALL_REQUEST_THRESHOLD`]
//! (512) bytes from memory it manages itself, in three levels:
//!
//! - A *block* is the unit handed out. Requests are rounded up to a multiple of
//!   [`ALIGNMENT`] (16 bytes), which gives 32 *size classes*: class `i` serves requests
//!   of `16*i + 1 ..= 16*(i+1)` bytes with blocks of `16*(i+1)` bytes
//!   (`INDEX2SIZE`). Every block is therefore 16-byte aligned.
//! - A *pool* is [`POOL_SIZE`] (16 KiB) of blocks of one size class, behind a
//!   `pool_header`. A pool is *used* (some blocks out, some free: it sits on the
//!   `usedpools` list of its class), *full* (on no list) or *empty* (on its arena's
//!   `freepools` list, ready to take any size class). A pool's never-used tail is
//!   carved into blocks lazily (`nextoffset`), so touching a new pool costs one block
//!   at a time rather than a 16 KiB initialisation.
//! - An *arena* is [`ARENA_SIZE`] (1 MiB) obtained with `mmap` and cut into pools.
//!   Each is described by an `arena_object` in the `arenas` array. Arenas that
//!   still have free pools are on the `usable_arenas` list, sorted by their number of
//!   free pools, fewest first: new pools are taken from the fullest arena, so that the
//!   emptiest ones can drain completely and be returned to the system (`munmap`). The
//!   `nfp2lasta` table points at the last arena with each free-pool count, so that
//!   keeping the list sorted costs O(1) per change.
//!
//! Allocating is, in the common case, popping the head of the free list of the first
//! pool on `usedpools[class]`; freeing pushes the block back on its pool's free list
//! (the pool is found by masking the address down to a multiple of `POOL_SIZE`).
//! Requests above 512 bytes go to the system allocator ([`std::alloc`], i.e. `malloc`),
//! CPython's `PyMem_RawMalloc`.
//!
//! # Differences from CPython
//!
//! - **Blocks are freed by size, not by address.** pyrs always knows how big a block
//!   is when it frees it (an object's type gives its size), so [`PyObject_FreeSized`]
//!   and [`PyObject_Realloc`] take the size, and "at most 512 bytes" alone says that
//!   pymalloc owns the block. CPython's `PyObject_Free(p)` gets no size and asks
//!   `address_in_range` (a radix tree over the address space, on 64-bit builds) whether
//!   `p` lies in one of its arenas; pyrs needs neither the tree nor that test. In
//!   exchange the rule "small means pymalloc" has no exception: when no arena can be
//!   mapped a small request fails (the caller raises `MemoryError` or aborts) instead of
//!   falling back to `malloc`, and a reallocation that crosses 512 bytes moves the
//!   block between the two allocators.
//! - **`usedpools` holds plain list heads.** CPython makes each class's list circular
//!   around a fake `pool_header` whose two link fields overlay two array slots (the
//!   `PT()` macros), so "no used pool" reads "the head points to itself". Here each
//!   entry is a pointer to the first used pool, null when there is none: the same one
//!   comparison on the fast path, no overlaid struct.
//! - **The state is one struct**, [`PymallocState`] (as CPython 3.12 gathers it in
//!   `struct _obmalloc_state`); 3.11 keeps it in file-level statics. The process's one
//!   instance lives in a `GlobalCell`: objects are made and freed only on the thread
//!   that runs Python code.
//! - A request for 0 bytes gets a block of size class 0; CPython passes it to `malloc`.
//! - There are no debug hooks (`PYTHONMALLOC=debug`, `_PyMem_DebugMalloc`), no valgrind
//!   detection and no `sys._debugmallocstats()` yet; the counters that would back the
//!   latter are kept ([`pymalloc_stats`], [`_Py_GetAllocatedBlocks`]).
//! - Objects and dict and set tables ([`PyMemVec`]) come from here so far. Other
//!   memory that CPython takes from `PyMem_Malloc`, which is pymalloc as well (list
//!   item arrays, str data), still comes from Rust's global allocator in pyrs, as do
//!   tuples' item arrays (CPython keeps those inside the tuple object).

use std::alloc::{alloc, alloc_zeroed, dealloc, handle_alloc_error, realloc, Layout};
use std::ptr::{self, NonNull};

use include::gc::{self, PyGC_Head, GC_HEAD_SIZE};
use include::object::{GlobalCell, PyObject};
use include::{PyObjectLayout, PyRef, PyTypeObject, Py_ssize_t};

// --- Sizes -------------------------------------------------------------------------------

/// Every block is a multiple of 16 bytes and 16-byte aligned, the strictest alignment
/// of any C type on x86-64 and AArch64 (`long double`, `max_align_t`).
pub const ALIGNMENT: usize = 16;
/// `log2(ALIGNMENT)`.
const ALIGNMENT_SHIFT: u32 = 4;

/// The largest request pymalloc serves; bigger ones go to the system allocator.
pub const SMALL_REQUEST_THRESHOLD: usize = 512;
/// The number of size classes: 512 / 16 = 32.
const NB_SMALL_SIZE_CLASSES: usize = SMALL_REQUEST_THRESHOLD / ALIGNMENT;

/// The block size of size class `i`: 16, 32, ..., 512.
#[inline(always)]
const fn INDEX2SIZE(i: u32) -> usize {
    ((i as usize) + 1) << ALIGNMENT_SHIFT
}

/// The size class that serves a request of `nbytes` (1..=512; 0 is served as 1).
#[inline(always)]
fn size_class(nbytes: usize) -> u32 {
    (nbytes.saturating_sub(1) >> ALIGNMENT_SHIFT) as u32
}

/// Arenas are 1 MiB, the size CPython uses on 64-bit platforms (`USE_LARGE_ARENAS`).
const ARENA_BITS: u32 = 20;
pub const ARENA_SIZE: usize = 1 << ARENA_BITS;

/// Pools are 16 KiB (`USE_LARGE_POOLS`, which CPython enables with its radix tree on
/// 64-bit platforms).
const POOL_BITS: u32 = 14;
pub const POOL_SIZE: usize = 1 << POOL_BITS;
const POOL_SIZE_MASK: usize = POOL_SIZE - 1;

/// An arena holds 64 pools, or 63 when `mmap` returns an address that is not a
/// multiple of `POOL_SIZE` (pools must be aligned so that a block finds its pool by
/// masking its address; the partial pools at both ends are left unused).
const MAX_POOLS_IN_ARENA: usize = ARENA_SIZE / POOL_SIZE;
const _: () = assert!(MAX_POOLS_IN_ARENA * POOL_SIZE == ARENA_SIZE);

/// How many `arena_object`s the `arenas` array starts with; it doubles when it runs
/// out.
const INITIAL_ARENA_OBJECTS: u32 = 16;

/// `szidx` of a pool that has never held blocks, so that the first allocation from it
/// always initialises it.
const DUMMY_SIZE_IDX: u32 = 0xffff;

// --- Pools and arenas ------------------------------------------------------------------------

/// The unit of allocation: a block is just bytes. A free block holds, in its first
/// word, the address of the next free block of its pool.
type block = u8;

/// The header at the start of every pool (`struct pool_header`). 48 bytes; the first
/// block follows at [`POOL_OVERHEAD`].
#[repr(C)]
struct pool_header {
    /// The number of blocks handed out from this pool (`ref.count`; CPython pads it to
    /// a pointer's size with a union, `repr(C)` pads it the same way).
    count: u32,
    /// The first free block; each free block holds the address of the next, and the
    /// last holds null.
    freeblock: *mut block,
    /// The next and previous pool on this class's `usedpools` list (`nextpool` also
    /// links the arena's `freepools` list, where `prevpool` is unused).
    nextpool: *mut pool_header,
    prevpool: *mut pool_header,
    /// The index in `arenas` of the arena holding this pool. An index, not a pointer:
    /// the `arenas` array moves when it grows.
    arenaindex: u32,
    /// The pool's size class, or [`DUMMY_SIZE_IDX`] before its first use.
    szidx: u32,
    /// The offset from the pool's start of the first never-used block...
    nextoffset: u32,
    /// ...and the largest offset at which a whole block still fits.
    maxnextoffset: u32,
}

type poolp = *mut pool_header;

/// The bytes in front of a pool's first block: the header rounded up to a multiple of
/// `ALIGNMENT`, so that every block is aligned. 48 bytes, as in CPython.
const POOL_OVERHEAD: usize =
    (std::mem::size_of::<pool_header>() + ALIGNMENT - 1) & !(ALIGNMENT - 1);
const _: () = assert!(POOL_OVERHEAD == 48);

/// The pool that holds block `p` (`POOL_ADDR`): pools are `POOL_SIZE`-aligned.
#[inline(always)]
fn POOL_ADDR(p: *mut block) -> poolp {
    p.wrapping_sub(p as usize & POOL_SIZE_MASK) as poolp
}

/// Bookkeeping for one arena (`struct arena_object`). The objects live in the
/// `arenas` array; one whose `address` is 0 has no arena and sits on the
/// `unused_arena_objects` list.
#[repr(C)]
struct arena_object {
    /// The address `mmap` returned, or 0 if this object describes no arena.
    address: usize,
    /// The first pool never carved from the arena (pool-aligned).
    pool_address: *mut block,
    /// How many of the arena's pools are free (empty or never carved), and how many it
    /// has in all (63 or 64).
    nfreepools: u32,
    ntotalpools: u32,
    /// Pools that were used and are empty again, singly linked by `nextpool`.
    freepools: poolp,
    /// Links of the `usable_arenas` list (doubly linked) or of the
    /// `unused_arena_objects` list (singly linked by `nextarena`).
    nextarena: *mut arena_object,
    prevarena: *mut arena_object,
}

/// Counters about the allocator, cheap to keep: the arena counters change only when
/// an arena is mapped or unmapped, the raw-block counter only on requests over 512
/// bytes, and the number of blocks in use is summed over the pools when asked for.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct PymallocStats {
    /// Arenas mapped now (`narenas_currently_allocated`).
    pub narenas_currently_allocated: usize,
    /// Arenas ever mapped (`ntimes_arena_allocated`).
    pub ntimes_arena_allocated: usize,
    /// The most arenas mapped at one time (`narenas_highwater`).
    pub narenas_highwater: usize,
    /// Blocks of more than 512 bytes handed out by the system allocator and not yet
    /// freed (`raw_allocated_blocks`).
    pub raw_allocated_blocks: isize,
    /// Small blocks handed out and not yet freed.
    pub pymalloc_allocated_blocks: isize,
}

/// Everything pymalloc knows (in CPython 3.11, the static variables of obmalloc.c).
pub struct PymallocState {
    /// For each size class, the first pool that has both used and free blocks; the
    /// rest follow through `nextpool`. Null when the class has no such pool.
    usedpools: [poolp; NB_SMALL_SIZE_CLASSES],
    /// The `arena_object`s: `maxarenas` of them, from the system allocator.
    arenas: *mut arena_object,
    maxarenas: u32,
    /// `arena_object`s with no arena, singly linked by `nextarena`.
    unused_arena_objects: *mut arena_object,
    /// Arenas with at least one free pool, sorted by `nfreepools`, smallest first.
    usable_arenas: *mut arena_object,
    /// `nfp2lasta[n]` is the last arena on `usable_arenas` with `n` free pools, or null
    /// if there is none.
    nfp2lasta: [*mut arena_object; MAX_POOLS_IN_ARENA + 1],
    narenas_currently_allocated: usize,
    ntimes_arena_allocated: usize,
    narenas_highwater: usize,
    raw_allocated_blocks: isize,
}

impl Default for PymallocState {
    fn default() -> Self {
        Self::new()
    }
}

impl PymallocState {
    /// An allocator that owns no memory yet.
    pub const fn new() -> PymallocState {
        PymallocState {
            usedpools: [ptr::null_mut(); NB_SMALL_SIZE_CLASSES],
            arenas: ptr::null_mut(),
            maxarenas: 0,
            unused_arena_objects: ptr::null_mut(),
            usable_arenas: ptr::null_mut(),
            nfp2lasta: [ptr::null_mut(); MAX_POOLS_IN_ARENA + 1],
            narenas_currently_allocated: 0,
            ntimes_arena_allocated: 0,
            narenas_highwater: 0,
            raw_allocated_blocks: 0,
        }
    }

    // --- Allocation --------------------------------------------------------------------

    /// Allocate a block for a request of `nbytes <= SMALL_REQUEST_THRESHOLD` bytes
    /// (`pymalloc_alloc`). Returns null only if no new arena could be mapped. The block
    /// is not zeroed.
    #[inline(always)]
    pub fn pymalloc_alloc(&mut self, nbytes: usize) -> *mut u8 {
        debug_assert!(nbytes <= SMALL_REQUEST_THRESHOLD);
        let size = size_class(nbytes);
        let pool = self.usedpools[size as usize];
        if pool.is_null() {
            // No pool of this class has a free block: start one.
            return self.allocate_from_new_pool(size);
        }
        // SAFETY: a pool on a `usedpools` list lies in one of our arenas and has at
        // least one block on its free list; a free block holds the next one's address.
        unsafe {
            (*pool).count += 1;
            let bp = (*pool).freeblock;
            debug_assert!(!bp.is_null());
            let next = *(bp as *mut *mut block);
            (*pool).freeblock = next;
            if next.is_null() {
                // That was the last block on the free list.
                self.pymalloc_pool_extend(pool, size);
            }
            bp
        }
    }

    /// The free list of `pool` (the head of `usedpools[size]`) has run dry
    /// (`pymalloc_pool_extend`): carve the next never-used block, or, if the pool has
    /// none left, the pool is full and leaves the list.
    ///
    /// # Safety
    /// `pool` must be the first pool on `usedpools[size]`.
    #[inline]
    unsafe fn pymalloc_pool_extend(&mut self, pool: poolp, size: u32) {
        // SAFETY: per the contract, `pool` is a live pool header and the offsets stay
        // inside the pool (`maxnextoffset` is the last offset with room for a block).
        unsafe {
            if (*pool).nextoffset <= (*pool).maxnextoffset {
                let bp = (pool as *mut block).add((*pool).nextoffset as usize);
                (*pool).nextoffset += INDEX2SIZE(size) as u32;
                *(bp as *mut *mut block) = ptr::null_mut();
                (*pool).freeblock = bp;
                return;
            }
            // The pool is full: unlink it. Allocation always takes the list's first
            // pool, so that is where it is.
            debug_assert!((*pool).prevpool.is_null());
            let next = (*pool).nextpool;
            self.usedpools[size as usize] = next;
            if !next.is_null() {
                (*next).prevpool = ptr::null_mut();
            }
        }
    }

    /// No used pool of class `size` has a free block (`allocate_from_new_pool`): take
    /// an empty pool from the fullest usable arena (mapping a new arena if there is
    /// none), put it on `usedpools[size]` and return its first block.
    #[inline(never)]
    fn allocate_from_new_pool(&mut self, size: u32) -> *mut u8 {
        if self.usable_arenas.is_null() {
            let ao = self.new_arena();
            if ao.is_null() {
                return ptr::null_mut();
            }
            // SAFETY: `new_arena` returned a live arena_object with a fresh arena.
            unsafe {
                (*ao).nextarena = ptr::null_mut();
                (*ao).prevarena = ptr::null_mut();
                let nf = (*ao).nfreepools as usize;
                debug_assert!(self.nfp2lasta[nf].is_null());
                self.nfp2lasta[nf] = ao;
            }
            self.usable_arenas = ao;
        }
        let ao = self.usable_arenas;
        // SAFETY: arenas on `usable_arenas` are mapped and have a free pool; pools are
        // inside their arena; `nfreepools <= MAX_POOLS_IN_ARENA` indexes `nfp2lasta`.
        unsafe {
            let nf = (*ao).nfreepools as usize;
            debug_assert!(nf > 0);
            // `ao` is the first arena, so it has the fewest free pools; taking one
            // keeps it first. Only the `nfp2lasta` entries change.
            if self.nfp2lasta[nf] == ao {
                // It was the only arena with `nf` free pools.
                self.nfp2lasta[nf] = ptr::null_mut();
            }
            if nf > 1 {
                // It is now the only one with `nf - 1` (nothing can be before it).
                debug_assert!(self.nfp2lasta[nf - 1].is_null());
                self.nfp2lasta[nf - 1] = ao;
            }

            let pool: poolp;
            if !(*ao).freepools.is_null() {
                // Reuse a pool that was emptied earlier.
                pool = (*ao).freepools;
                (*ao).freepools = (*pool).nextpool;
            } else {
                // Carve a pool never used before.
                pool = (*ao).pool_address as poolp;
                debug_assert!((pool as usize) + POOL_SIZE <= (*ao).address + ARENA_SIZE);
                (*pool).arenaindex = ao.offset_from(self.arenas) as u32;
                (*pool).szidx = DUMMY_SIZE_IDX;
                (*ao).pool_address = (*ao).pool_address.add(POOL_SIZE);
            }
            (*ao).nfreepools -= 1;
            if (*ao).nfreepools == 0 {
                // The arena is wholly in use: it leaves `usable_arenas`.
                debug_assert!((*ao).freepools.is_null());
                self.usable_arenas = (*ao).nextarena;
                if !self.usable_arenas.is_null() {
                    (*self.usable_arenas).prevarena = ptr::null_mut();
                }
            }

            // The class had no used pool, so this one becomes the whole list.
            debug_assert!(self.usedpools[size as usize].is_null());
            (*pool).nextpool = ptr::null_mut();
            (*pool).prevpool = ptr::null_mut();
            self.usedpools[size as usize] = pool;
            (*pool).count = 1;

            if (*pool).szidx == size {
                // The pool last held blocks of this very class: its free list is
                // still good (and has at least two blocks, as every pool that held
                // blocks carved at least two).
                let bp = (*pool).freeblock;
                debug_assert!(!bp.is_null());
                (*pool).freeblock = *(bp as *mut *mut block);
                return bp;
            }
            // Set the pool up for this class: hand out the first block, put the second
            // on the free list, leave the rest to be carved when needed.
            (*pool).szidx = size;
            let blocksize = INDEX2SIZE(size);
            let bp = (pool as *mut block).add(POOL_OVERHEAD);
            (*pool).nextoffset = (POOL_OVERHEAD + 2 * blocksize) as u32;
            (*pool).maxnextoffset = (POOL_SIZE - blocksize) as u32;
            let second = bp.add(blocksize);
            *(second as *mut *mut block) = ptr::null_mut();
            (*pool).freeblock = second;
            bp
        }
    }

    /// Map a new arena and give it an `arena_object` (`new_arena`), growing the
    /// `arenas` array if every object is taken. Returns null if the system has no
    /// memory for either. The arena is not yet on `usable_arenas`.
    fn new_arena(&mut self) -> *mut arena_object {
        if self.unused_arena_objects.is_null() && !self.grow_arena_objects() {
            return ptr::null_mut();
        }
        let ao = self.unused_arena_objects;
        // SAFETY: `ao` is one of the `maxarenas` initialised objects of `arenas`.
        unsafe {
            debug_assert!((*ao).address == 0);
            let address = _PyObject_ArenaMmap(ARENA_SIZE);
            if address.is_null() {
                return ptr::null_mut();
            }
            self.unused_arena_objects = (*ao).nextarena;
            (*ao).address = address as usize;
            self.narenas_currently_allocated += 1;
            self.ntimes_arena_allocated += 1;
            self.narenas_highwater = self.narenas_highwater.max(self.narenas_currently_allocated);
            (*ao).freepools = ptr::null_mut();
            // Pools start at the first multiple of POOL_SIZE; if that is not the arena's
            // start, the partial pools at both ends cost one whole pool.
            (*ao).pool_address = address;
            (*ao).nfreepools = MAX_POOLS_IN_ARENA as u32;
            let excess = address as usize & POOL_SIZE_MASK;
            if excess != 0 {
                (*ao).nfreepools -= 1;
                (*ao).pool_address = address.add(POOL_SIZE - excess);
            }
            (*ao).ntotalpools = (*ao).nfreepools;
        }
        ao
    }

    /// Double the `arenas` array (16 objects at first) and put the new objects on
    /// `unused_arena_objects`. False if the system allocator refuses.
    #[cold]
    fn grow_arena_objects(&mut self) -> bool {
        let numarenas = match self.maxarenas {
            0 => INITIAL_ARENA_OBJECTS,
            n => match n.checked_mul(2) {
                Some(m) => m,
                None => return false,
            },
        };
        let Ok(new_layout) = Layout::array::<arena_object>(numarenas as usize) else {
            return false;
        };
        // SAFETY: the old array, if any, was allocated here with the layout of
        // `maxarenas` objects. Moving it invalidates no pointer: this only runs when
        // every arena_object describes an arena and none of those arenas has a free
        // pool, so `usable_arenas`, `nfp2lasta` and `unused_arena_objects` are all
        // empty (pools refer to their arena by index).
        let arenas = unsafe {
            debug_assert!(self.usable_arenas.is_null() && self.unused_arena_objects.is_null());
            if self.arenas.is_null() {
                alloc(new_layout) as *mut arena_object
            } else {
                let Ok(old_layout) = Layout::array::<arena_object>(self.maxarenas as usize) else {
                    return false;
                };
                realloc(self.arenas as *mut u8, old_layout, new_layout.size()) as *mut arena_object
            }
        };
        if arenas.is_null() {
            return false;
        }
        self.arenas = arenas;
        // SAFETY: the array now has room for `numarenas` objects; the new ones are
        // initialised here before anything reads them.
        unsafe {
            for i in self.maxarenas..numarenas {
                let next = if i + 1 < numarenas {
                    arenas.add(i as usize + 1)
                } else {
                    ptr::null_mut()
                };
                arenas.add(i as usize).write(arena_object {
                    address: 0,
                    pool_address: ptr::null_mut(),
                    nfreepools: 0,
                    ntotalpools: 0,
                    freepools: ptr::null_mut(),
                    nextarena: next,
                    prevarena: ptr::null_mut(),
                });
            }
            self.unused_arena_objects = arenas.add(self.maxarenas as usize);
        }
        self.maxarenas = numarenas;
        true
    }

    // --- Freeing -----------------------------------------------------------------------

    /// Give back a block (`pymalloc_free`).
    ///
    /// # Safety
    /// `p` must be a block returned by this state's [`Self::pymalloc_alloc`] and not
    /// freed since.
    #[inline(always)]
    pub unsafe fn pymalloc_free(&mut self, p: *mut u8) {
        let pool = POOL_ADDR(p);
        // SAFETY: per the contract, `p` is a block in use in `pool`, so the pool is
        // live and its count is at least 1.
        unsafe {
            debug_assert!((*pool).count > 0);
            let lastfree = (*pool).freeblock;
            *(p as *mut *mut block) = lastfree;
            (*pool).freeblock = p;
            (*pool).count -= 1;
            if lastfree.is_null() {
                // The pool was full and on no list: it becomes the first used pool of
                // its class, so the next allocations fill it up again.
                self.insert_to_usedpool(pool);
            } else if (*pool).count == 0 {
                // The pool is empty: it goes back to its arena.
                self.insert_to_freepool(pool);
            }
        }
    }

    /// Put a pool that was full back at the front of its class's `usedpools` list
    /// (`insert_to_usedpool`).
    ///
    /// # Safety
    /// `pool` must be a live pool on no list, with a free block.
    #[inline(never)]
    unsafe fn insert_to_usedpool(&mut self, pool: poolp) {
        // SAFETY: see the contract; pools on the list are live.
        unsafe {
            debug_assert!((*pool).count > 0);
            let size = (*pool).szidx as usize;
            let next = self.usedpools[size];
            (*pool).nextpool = next;
            (*pool).prevpool = ptr::null_mut();
            if !next.is_null() {
                (*next).prevpool = pool;
            }
            self.usedpools[size] = pool;
        }
    }

    /// A used pool became empty (`insert_to_freepool`): move it from `usedpools` to its
    /// arena's `freepools`, then keep `usable_arenas` sorted, returning the arena to
    /// the system if it is now wholly free.
    ///
    /// # Safety
    /// `pool` must be a live pool on its class's `usedpools` list, with no block in use.
    #[inline(never)]
    unsafe fn insert_to_freepool(&mut self, pool: poolp) {
        // SAFETY: see the contract; a pool's `arenaindex` names its live arena_object,
        // and every arena_object linked from the lists below is live. `nf` stays at most
        // `ntotalpools <= MAX_POOLS_IN_ARENA`, a valid `nfp2lasta` index.
        unsafe {
            // Unlink from usedpools.
            let next = (*pool).nextpool;
            let prev = (*pool).prevpool;
            if prev.is_null() {
                self.usedpools[(*pool).szidx as usize] = next;
            } else {
                (*prev).nextpool = next;
            }
            if !next.is_null() {
                (*next).prevpool = prev;
            }

            // Link to the front of the arena's freepools: the pool freed last is
            // reused last, giving the others a chance to be paged out.
            let ao = self.arenas.add((*pool).arenaindex as usize);
            (*pool).nextpool = (*ao).freepools;
            (*ao).freepools = pool;
            let mut nf = (*ao).nfreepools as usize;
            // If `ao` was the last arena with `nf` free pools, that title passes to the
            // arena before it if it has `nf` too, else to no one. (With nf == 0 the arena
            // is not on `usable_arenas` and `lastnf` is null.)
            let lastnf = self.nfp2lasta[nf];
            if lastnf == ao {
                let p = (*ao).prevarena;
                self.nfp2lasta[nf] = if !p.is_null() && (*p).nfreepools as usize == nf {
                    p
                } else {
                    ptr::null_mut()
                };
            }
            nf += 1;
            (*ao).nfreepools = nf as u32;

            // Four cases for the arena:
            // 1. All its pools are free: unmap it, unless it is the last arena of the
            //    list. Keeping one empty arena stops a loop that allocates and frees a
            //    single object from mapping and unmapping an arena on every turn
            //    (bpo-37257).
            // 2. This is its only free pool: it was off the list and joins at the head.
            // 3. It now has more free pools than the arena after it: it moves right.
            // 4. Otherwise it stays where it is.
            if nf == (*ao).ntotalpools as usize && !(*ao).nextarena.is_null() {
                // Case 1.
                if (*ao).prevarena.is_null() {
                    self.usable_arenas = (*ao).nextarena;
                } else {
                    (*(*ao).prevarena).nextarena = (*ao).nextarena;
                }
                (*(*ao).nextarena).prevarena = (*ao).prevarena;
                // The object goes back on the unused list.
                (*ao).nextarena = self.unused_arena_objects;
                self.unused_arena_objects = ao;
                _PyObject_ArenaMunmap((*ao).address as *mut u8, ARENA_SIZE);
                (*ao).address = 0;
                self.narenas_currently_allocated -= 1;
                return;
            }

            if nf == 1 {
                // Case 2: it has the fewest free pools of all.
                (*ao).nextarena = self.usable_arenas;
                (*ao).prevarena = ptr::null_mut();
                if !self.usable_arenas.is_null() {
                    (*self.usable_arenas).prevarena = ao;
                }
                self.usable_arenas = ao;
                if self.nfp2lasta[1].is_null() {
                    self.nfp2lasta[1] = ao;
                }
                return;
            }

            // Arenas with `nf` free pools, if any, start right after `lastnf` (the last
            // with `nf - 1`); `ao` will be first among them, so it is their last only if
            // there were none.
            if self.nfp2lasta[nf].is_null() {
                self.nfp2lasta[nf] = ao;
            }
            if ao == lastnf {
                // Case 4: nothing with `nf - 1` free pools follows it.
                return;
            }

            // Case 3: unlink `ao` and insert it after `lastnf`. Sorting this way makes
            // new pools come from the fullest arenas, so the emptiest can drain and be
            // unmapped.
            debug_assert!(!(*ao).nextarena.is_null() && !lastnf.is_null());
            if (*ao).prevarena.is_null() {
                self.usable_arenas = (*ao).nextarena;
            } else {
                (*(*ao).prevarena).nextarena = (*ao).nextarena;
            }
            (*(*ao).nextarena).prevarena = (*ao).prevarena;
            (*ao).prevarena = lastnf;
            (*ao).nextarena = (*lastnf).nextarena;
            if !(*ao).nextarena.is_null() {
                (*(*ao).nextarena).prevarena = ao;
            }
            (*lastnf).nextarena = ao;
        }
    }

    // --- Reallocation -----------------------------------------------------------------

    /// Resize a small block (`pymalloc_realloc`) to `nbytes` (which may exceed 512).
    /// A block that would shrink by less than a quarter stays where it is; otherwise
    /// the contents move to a new block. Returns null (leaving `p` alone) on failure.
    ///
    /// # Safety
    /// `p` must be a live block of this state's pymalloc.
    unsafe fn pymalloc_realloc(&mut self, p: *mut u8, nbytes: usize) -> *mut u8 {
        // SAFETY: per the contract, `p`'s pool header is live.
        let blocksize = INDEX2SIZE(unsafe { (*POOL_ADDR(p)).szidx });
        let mut copy = blocksize;
        if nbytes <= blocksize {
            // Moving to a smaller class costs a copy but saves memory; do it only when
            // at least a quarter of the block would be saved.
            if 4 * nbytes > 3 * blocksize {
                return p;
            }
            copy = nbytes;
        }
        let bp = self.malloc(nbytes);
        if !bp.is_null() {
            // SAFETY: both blocks are at least `copy` bytes and distinct; `p` is ours.
            unsafe {
                ptr::copy_nonoverlapping(p, bp, copy);
                self.pymalloc_free(p);
            }
        }
        bp
    }

    // --- Routing by size (`_PyObject_Malloc`, `_PyObject_Free`, ...) -------------------

    /// A block of `nbytes` from pymalloc or, above 512 bytes, from the system.
    #[inline(always)]
    fn malloc(&mut self, nbytes: usize) -> *mut u8 {
        if nbytes <= SMALL_REQUEST_THRESHOLD {
            self.pymalloc_alloc(nbytes)
        } else {
            self.raw_malloc(nbytes, false)
        }
    }

    /// `PyMem_RawMalloc` / `PyMem_RawCalloc` for a large block, counted.
    #[cold]
    fn raw_malloc(&mut self, nbytes: usize, zeroed: bool) -> *mut u8 {
        let Ok(layout) = Layout::from_size_align(nbytes, ALIGNMENT) else {
            return ptr::null_mut();
        };
        // SAFETY: `nbytes > SMALL_REQUEST_THRESHOLD`, so the layout is not empty.
        let p = unsafe {
            if zeroed {
                alloc_zeroed(layout)
            } else {
                alloc(layout)
            }
        };
        if !p.is_null() {
            self.raw_allocated_blocks += 1;
        }
        p
    }

    /// `PyMem_RawFree` for a large block, counted.
    ///
    /// # Safety
    /// `p` must come from [`Self::raw_malloc`] (or a raw reallocation) with `nbytes`.
    #[cold]
    unsafe fn raw_free(&mut self, p: *mut u8, nbytes: usize) {
        self.raw_allocated_blocks -= 1;
        // SAFETY: per the contract, this is the layout the block was allocated with.
        unsafe { dealloc(p, Layout::from_size_align_unchecked(nbytes, ALIGNMENT)) }
    }

    /// Free a block of `nbytes` bytes from [`Self::malloc`].
    ///
    /// # Safety
    /// `p` must be a live block from this state allocated for `nbytes` bytes.
    #[inline(always)]
    unsafe fn free(&mut self, p: *mut u8, nbytes: usize) {
        // SAFETY: per the contract, the size tells which allocator holds the block.
        unsafe {
            if nbytes <= SMALL_REQUEST_THRESHOLD {
                self.pymalloc_free(p)
            } else {
                self.raw_free(p, nbytes)
            }
        }
    }

    /// Resize a block of `old` bytes to `new` bytes, moving it between pymalloc and the
    /// system allocator if it crosses 512 bytes. Returns null on failure, the old block
    /// left untouched.
    ///
    /// # Safety
    /// `p` must be a live block from this state allocated for `old` bytes.
    unsafe fn realloc(&mut self, p: *mut u8, old: usize, new: usize) -> *mut u8 {
        // SAFETY: per the contract.
        unsafe {
            if old <= SMALL_REQUEST_THRESHOLD {
                return self.pymalloc_realloc(p, new);
            }
            if new > SMALL_REQUEST_THRESHOLD {
                let layout = Layout::from_size_align_unchecked(old, ALIGNMENT);
                if Layout::from_size_align(new, ALIGNMENT).is_err() {
                    return ptr::null_mut();
                }
                return realloc(p, layout, new);
            }
            // A large block shrinking to a small one moves into a pool, so that its
            // size keeps saying which allocator holds it.
            let bp = self.pymalloc_alloc(new);
            if !bp.is_null() {
                ptr::copy_nonoverlapping(p, bp, new);
                self.raw_free(p, old);
            }
            bp
        }
    }

    // --- Statistics --------------------------------------------------------------------

    /// The counters (see [`PymallocStats`]). Summing the blocks in use walks every pool
    /// carved so far, as CPython's `_Py_GetAllocatedBlocks` does.
    pub fn stats(&self) -> PymallocStats {
        let mut blocks: isize = 0;
        for i in 0..self.maxarenas as usize {
            // SAFETY: `i < maxarenas`; a mapped arena's pools from its first aligned
            // pool up to `pool_address` have all been carved and have valid headers.
            unsafe {
                let ao = &*self.arenas.add(i);
                if ao.address == 0 {
                    continue;
                }
                let mut base = (ao.address + POOL_SIZE_MASK) & !POOL_SIZE_MASK;
                while base < ao.pool_address as usize {
                    blocks += (*(base as *const pool_header)).count as isize;
                    base += POOL_SIZE;
                }
            }
        }
        PymallocStats {
            narenas_currently_allocated: self.narenas_currently_allocated,
            ntimes_arena_allocated: self.ntimes_arena_allocated,
            narenas_highwater: self.narenas_highwater,
            raw_allocated_blocks: self.raw_allocated_blocks,
            pymalloc_allocated_blocks: blocks,
        }
    }
}

impl Drop for PymallocState {
    /// Unmap every arena and free the `arenas` array. The process's own state is a
    /// static and is never dropped (CPython never releases its arenas either); this is
    /// for private states such as the unit tests'.
    fn drop(&mut self) {
        for i in 0..self.maxarenas as usize {
            // SAFETY: `i < maxarenas`; mapped arenas were mapped with ARENA_SIZE.
            unsafe {
                let ao = &mut *self.arenas.add(i);
                if ao.address != 0 {
                    _PyObject_ArenaMunmap(ao.address as *mut u8, ARENA_SIZE);
                    ao.address = 0;
                }
            }
        }
        if let Ok(layout) = Layout::array::<arena_object>(self.maxarenas as usize) {
            if !self.arenas.is_null() {
                // SAFETY: the array was allocated with this layout.
                unsafe { dealloc(self.arenas as *mut u8, layout) };
            }
        }
    }
}

/// Map `size` bytes of fresh memory for an arena (`_PyObject_ArenaMmap`). Null on
/// failure.
fn _PyObject_ArenaMmap(size: usize) -> *mut u8 {
    // SAFETY: an anonymous private mapping touches no existing memory.
    let p = unsafe {
        libc::mmap(
            ptr::null_mut(),
            size,
            libc::PROT_READ | libc::PROT_WRITE,
            libc::MAP_PRIVATE | libc::MAP_ANONYMOUS,
            -1,
            0,
        )
    };
    if p == libc::MAP_FAILED {
        ptr::null_mut()
    } else {
        p as *mut u8
    }
}

/// Return an arena to the system (`_PyObject_ArenaMunmap`).
///
/// # Safety
/// `p` must be a mapping of `size` bytes from [`_PyObject_ArenaMmap`] that nothing
/// uses any more.
unsafe fn _PyObject_ArenaMunmap(p: *mut u8, size: usize) {
    // SAFETY: per the contract. munmap of such a mapping cannot fail.
    unsafe {
        libc::munmap(p as *mut libc::c_void, size);
    }
}

// --- The process's allocator ------------------------------------------------------------------

/// The pymalloc state of the process.
static PYMALLOC: GlobalCell<PymallocState> = GlobalCell::new(PymallocState::new());

/// This crate's unit tests run on several threads at once and many of them make
/// objects, which the interpreter only ever does on one thread. In test builds every
/// entry point holds this lock, so the shared allocator is used by one thread at a
/// time there too.
#[cfg(test)]
static TEST_LOCK: std::sync::Mutex<()> = std::sync::Mutex::new(());

/// Run `f` with the process's pymalloc state.
#[inline(always)]
fn with_state<R>(f: impl FnOnce(&mut PymallocState) -> R) -> R {
    #[cfg(test)]
    let _serial = TEST_LOCK.lock().unwrap_or_else(|e| e.into_inner());
    // SAFETY: Python objects are created and freed only on the thread that runs Python
    // code (see `GlobalCell`), and `f` never re-enters this module's public functions
    // (the allocator calls no Python code and no hook), so this is the only borrow of
    // the state while `f` runs.
    f(unsafe { PYMALLOC.get_mut() })
}

/// `PyObject_Malloc`: `nbytes` of uninitialised memory, 16-byte aligned, from pymalloc
/// (at most 512 bytes) or the system allocator. Null if there is no memory. Free it
/// with [`PyObject_FreeSized`] and the same `nbytes`.
#[inline]
pub fn PyObject_Malloc(nbytes: usize) -> *mut u8 {
    with_state(|st| st.malloc(nbytes))
}

/// `PyObject_Calloc`: zeroed memory for `nelem` items of `elsize` bytes. Null if there
/// is no memory or the size overflows. Free it with [`PyObject_FreeSized`] and
/// `nelem * elsize`.
#[inline]
pub fn PyObject_Calloc(nelem: usize, elsize: usize) -> *mut u8 {
    let Some(nbytes) = nelem.checked_mul(elsize) else {
        return ptr::null_mut();
    };
    with_state(|st| {
        if nbytes <= SMALL_REQUEST_THRESHOLD {
            let p = st.pymalloc_alloc(nbytes);
            if !p.is_null() {
                // SAFETY: the block has at least `nbytes` bytes.
                unsafe { p.write_bytes(0, nbytes) };
            }
            p
        } else {
            // Large blocks may come from fresh, already zeroed pages.
            st.raw_malloc(nbytes, true)
        }
    })
}

/// `PyObject_Realloc` with the block's current size: resize a block of `old_size`
/// bytes to `new_size` bytes, keeping its contents up to the smaller size. A null `p`
/// allocates. Returns null if there is no memory, leaving the old block as it was.
///
/// # Safety
/// `p` must be null or a live block from [`PyObject_Malloc`], [`PyObject_Calloc`] or
/// this function, allocated for `old_size` bytes.
#[inline]
pub unsafe fn PyObject_Realloc(p: *mut u8, old_size: usize, new_size: usize) -> *mut u8 {
    if p.is_null() {
        return PyObject_Malloc(new_size);
    }
    // SAFETY: per the contract.
    with_state(|st| unsafe { st.realloc(p, old_size, new_size) })
}

/// `PyObject_Free` of raw memory, with its size (as C23's `free_sized`): CPython's
/// `PyObject_Free(p)` finds out by the address whether pymalloc owns the block; here the
/// size says it (see the module notes). A null `p` is ignored.
///
/// pyrs's `PyObject_Free` is the object-level function that types use as `tp_free`
/// ([`PyObject_Free`]); it calls this with the size the object's type gives.
///
/// # Safety
/// `p` must be null or a live block from [`PyObject_Malloc`], [`PyObject_Calloc`] or
/// [`PyObject_Realloc`], allocated (or last reallocated) for `nbytes` bytes.
#[inline]
pub unsafe fn PyObject_FreeSized(p: *mut u8, nbytes: usize) {
    if p.is_null() {
        return;
    }
    // SAFETY: per the contract.
    with_state(|st| unsafe { st.free(p, nbytes) })
}

/// The allocator's counters (the numbers `sys._debugmallocstats()` starts from).
pub fn pymalloc_stats() -> PymallocStats {
    with_state(|st| st.stats())
}

/// `_Py_GetAllocatedBlocks`: blocks handed out by `PyObject_Malloc` and not yet freed,
/// large ones included (what `sys.getallocatedblocks()` reports in CPython).
pub fn _Py_GetAllocatedBlocks() -> Py_ssize_t {
    let s = pymalloc_stats();
    s.pymalloc_allocated_blocks + s.raw_allocated_blocks
}

// --- Arrays inside objects -------------------------------------------------------------------

/// A growable array whose buffer comes from [`PyObject_Malloc`], for the arrays that
/// objects own (a dict's index and entry tables, a set's table). CPython allocates those with
/// `PyMem_Malloc`, which is pymalloc too; a `Vec` would take them from the system
/// allocator. It offers the part of `Vec`'s interface such tables use, plus
/// [`PyMemVec::try_with_capacity`] so that a table too big for memory can become a
/// `MemoryError`. Growing past the capacity reallocates (doubling), and running out of
/// memory there aborts, as it does for `Vec`.
///
/// Like every user of pymalloc, a `PyMemVec` must be created and dropped on the thread
/// that runs Python code; it is neither `Send` nor `Sync`.
pub struct PyMemVec<T> {
    ptr: NonNull<T>,
    len: usize,
    cap: usize,
    _owns: std::marker::PhantomData<T>,
}

impl<T> PyMemVec<T> {
    /// Elements must have a size, and an alignment the allocator meets.
    const ELEMENT_FITS: () =
        assert!(std::mem::size_of::<T>() > 0 && std::mem::align_of::<T>() <= ALIGNMENT);

    /// An empty array; allocates nothing.
    pub const fn new() -> PyMemVec<T> {
        PyMemVec {
            ptr: NonNull::dangling(),
            len: 0,
            cap: 0,
            _owns: std::marker::PhantomData,
        }
    }

    /// The buffer size for `cap` elements, if it can exist.
    fn buffer_bytes(cap: usize) -> Option<usize> {
        #[allow(clippy::let_unit_value)]
        let () = Self::ELEMENT_FITS;
        cap.checked_mul(std::mem::size_of::<T>())
            .filter(|&n| n <= isize::MAX as usize)
    }

    /// An empty array with room for `cap` elements, or `None` if there is no memory.
    pub fn try_with_capacity(cap: usize) -> Option<PyMemVec<T>> {
        if cap == 0 {
            return Some(PyMemVec::new());
        }
        let ptr = NonNull::new(PyObject_Malloc(Self::buffer_bytes(cap)?) as *mut T)?;
        Some(PyMemVec {
            ptr,
            len: 0,
            cap,
            _owns: std::marker::PhantomData,
        })
    }

    /// `n` copies of `value`, or `None` if there is no memory.
    pub fn try_from_elem(value: T, n: usize) -> Option<PyMemVec<T>>
    where
        T: Clone,
    {
        let mut v: PyMemVec<T> = PyMemVec::try_with_capacity(n)?;
        // SAFETY: the buffer has room for `n` elements; each is written once before
        // `len` covers it. Writing without `push`'s capacity check lets a zero fill
        // become one `memset` (a generator's frame is made this way).
        unsafe {
            for i in 0..n {
                v.ptr.as_ptr().add(i).write(value.clone());
            }
        }
        v.len = n;
        Some(v)
    }

    #[inline(always)]
    pub fn len(&self) -> usize {
        self.len
    }

    /// The buffer, for filling before [`PyMemVec::set_len`] (`Vec::as_mut_ptr`).
    #[inline(always)]
    pub fn as_mut_ptr(&mut self) -> *mut T {
        self.ptr.as_ptr()
    }

    /// Set the length (`Vec::set_len`).
    ///
    /// # Safety
    /// `len` must be at most the capacity, with the first `len` elements initialised.
    #[inline(always)]
    pub unsafe fn set_len(&mut self, len: usize) {
        debug_assert!(len <= self.cap);
        self.len = len;
    }

    #[inline(always)]
    pub fn is_empty(&self) -> bool {
        self.len == 0
    }

    #[inline(always)]
    pub fn capacity(&self) -> usize {
        self.cap
    }

    /// Append `value`, growing the buffer if it is full.
    #[inline]
    pub fn push(&mut self, value: T) {
        if self.len == self.cap {
            self.grow();
        }
        // SAFETY: `len < cap`, so the slot is inside the buffer and unused.
        unsafe { self.ptr.as_ptr().add(self.len).write(value) };
        self.len += 1;
    }

    /// Double the capacity (to at least 4), moving the buffer if need be.
    #[cold]
    fn grow(&mut self) {
        let new_cap = self.cap.saturating_mul(2).max(4);
        let (Some(old_bytes), Some(new_bytes)) =
            (Self::buffer_bytes(self.cap), Self::buffer_bytes(new_cap))
        else {
            object_alloc_failed(usize::MAX);
        };
        let old = if self.cap == 0 {
            ptr::null_mut()
        } else {
            self.ptr.as_ptr() as *mut u8
        };
        // SAFETY: `old` is null or this array's buffer, allocated for `old_bytes`.
        let p = unsafe { PyObject_Realloc(old, old_bytes, new_bytes) };
        match NonNull::new(p as *mut T) {
            Some(ptr) => {
                self.ptr = ptr;
                self.cap = new_cap;
            }
            None => object_alloc_failed(new_bytes),
        }
    }

    /// Drop the elements from `len` on, keeping the capacity.
    pub fn truncate(&mut self, len: usize) {
        if len >= self.len {
            return;
        }
        let tail = ptr::slice_from_raw_parts_mut(
            // SAFETY: `len < self.len`, inside the buffer.
            unsafe { self.ptr.as_ptr().add(len) },
            self.len - len,
        );
        // The length drops first, so a panicking destructor cannot cause a double drop.
        self.len = len;
        // SAFETY: the tail's elements are initialised and no longer reachable.
        unsafe { ptr::drop_in_place(tail) };
    }

    pub fn clear(&mut self) {
        self.truncate(0);
    }

    #[inline(always)]
    pub fn as_slice(&self) -> &[T] {
        // SAFETY: the first `len` elements are initialised; the pointer is aligned and
        // non-null even when nothing is allocated.
        unsafe { std::slice::from_raw_parts(self.ptr.as_ptr(), self.len) }
    }

    #[inline(always)]
    pub fn as_mut_slice(&mut self) -> &mut [T] {
        // SAFETY: as in `as_slice`, and `&mut self` makes the borrow unique.
        unsafe { std::slice::from_raw_parts_mut(self.ptr.as_ptr(), self.len) }
    }
}

impl<T> Drop for PyMemVec<T> {
    fn drop(&mut self) {
        self.clear();
        if self.cap != 0 {
            if let Some(bytes) = Self::buffer_bytes(self.cap) {
                // SAFETY: the buffer was allocated for exactly `bytes` bytes.
                unsafe { PyObject_FreeSized(self.ptr.as_ptr() as *mut u8, bytes) };
            }
        }
    }
}

impl<T> Default for PyMemVec<T> {
    fn default() -> Self {
        PyMemVec::new()
    }
}

impl<T: Clone> Clone for PyMemVec<T> {
    /// A copy with the same capacity; aborts if there is no memory, as `Vec` does.
    fn clone(&self) -> Self {
        let Some(mut v) = PyMemVec::try_with_capacity(self.cap) else {
            object_alloc_failed(Self::buffer_bytes(self.cap).unwrap_or(usize::MAX));
        };
        for x in self.iter() {
            v.push(x.clone());
        }
        v
    }
}

impl<T> std::ops::Deref for PyMemVec<T> {
    type Target = [T];
    #[inline(always)]
    fn deref(&self) -> &[T] {
        self.as_slice()
    }
}

impl<T> std::ops::DerefMut for PyMemVec<T> {
    #[inline(always)]
    fn deref_mut(&mut self) -> &mut [T] {
        self.as_mut_slice()
    }
}

impl<'a, T> IntoIterator for &'a PyMemVec<T> {
    type Item = &'a T;
    type IntoIter = std::slice::Iter<'a, T>;
    fn into_iter(self) -> Self::IntoIter {
        self.as_slice().iter()
    }
}

impl<'a, T> IntoIterator for &'a mut PyMemVec<T> {
    type Item = &'a mut T;
    type IntoIter = std::slice::IterMut<'a, T>;
    fn into_iter(self) -> Self::IntoIter {
        self.as_mut_slice().iter_mut()
    }
}

impl<T: std::fmt::Debug> std::fmt::Debug for PyMemVec<T> {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        self.as_slice().fmt(f)
    }
}

// --- Objects ------------------------------------------------------------------------------

/// The bytes an instance of `tp` with `nitems` items takes, GC header included. The
/// arithmetic saturates: an absurd size then fails to allocate.
#[inline(always)]
fn object_size(tp: &PyTypeObject, nitems: usize) -> usize {
    let mut size = tp
        .tp_basicsize
        .get()
        .saturating_add(tp.tp_itemsize.get().saturating_mul(nitems));
    if tp.is_gc() {
        size = size.saturating_add(GC_HEAD_SIZE);
    }
    // An object is never smaller than its 16-byte header; this only guards against a
    // type whose basic size was never set.
    size.max(16)
}

/// Out of memory for an object: abort as Rust's allocation failure does (callers have
/// no `Result` to raise `MemoryError` through).
#[cold]
fn object_alloc_failed(size: usize) -> ! {
    handle_alloc_error(
        Layout::from_size_align(size, ALIGNMENT).unwrap_or(Layout::new::<PyObject>()),
    )
}

/// The object in fresh memory `mem` for an instance of `tp`: for GC types, count the
/// allocation and step over the GC header, which is zeroed (untracked, not
/// finalized). Nothing else is written.
///
/// # Safety
/// `mem` must be a block of `object_size(tp, _)` bytes from `PyObject_Malloc`.
#[inline(always)]
unsafe fn object_in_memory(tp: &PyTypeObject, mem: *mut u8) -> *mut PyObject {
    if !tp.is_gc() {
        return mem as *mut PyObject;
    }
    gc::gc_note_allocation();
    // SAFETY: per the contract, the block starts with room for the GC header and is
    // 16-byte aligned.
    unsafe {
        (mem as *mut PyGC_Head).write(PyGC_Head {
            gc_next: std::cell::Cell::new(0),
            gc_prev: std::cell::Cell::new(0),
        });
        mem.add(GC_HEAD_SIZE) as *mut PyObject
    }
}

/// Write the header of a new instance of `tp` (one reference), and take a reference
/// to `tp` if it is a heap type: its instances keep it alive.
///
/// # Safety
/// `obj` must be the object returned by [`object_in_memory`].
#[inline(always)]
unsafe fn init_header(tp: &PyTypeObject, obj: *mut PyObject) {
    if tp.is_heap_type() {
        tp.as_object().incref();
    }
    // SAFETY: per the contract, `obj` is aligned memory with room for the header.
    unsafe { obj.write(PyObject::new_header(tp)) };
}

/// `PyType_GenericAlloc`: zeroed memory for an instance of `tp` with room for
/// `nitems` items, its header set (one reference, type `tp`, which gains a reference
/// if it is a heap type). GC objects are *not* tracked yet: the caller tracks them
/// once every field is initialised.
///
/// # Safety
/// The caller must initialise the object's fields (beyond the header) before the
/// object can be reached, and `tp` must be ready. `nitems` must be 0 unless the type's
/// `tp_free` knows how to free an object with items: [`PyObject_Free`] frees
/// `tp_basicsize` bytes (pyrs allocates every object with no items; `int`, `bytes` and
/// `tuple` state CPython's `tp_itemsize` but keep their items out of line).
pub unsafe fn PyType_GenericAlloc(tp: &PyTypeObject, nitems: Py_ssize_t) -> *mut PyObject {
    let nitems = nitems.max(0) as usize;
    debug_assert!(nitems == 0 || tp.tp_itemsize.get() == 0);
    let size = object_size(tp, nitems);
    let mem = PyObject_Calloc(1, size);
    if mem.is_null() {
        object_alloc_failed(size);
    }
    // SAFETY: `mem` is a zeroed block of the object's size.
    unsafe {
        let obj = object_in_memory(tp, mem);
        init_header(tp, obj);
        obj
    }
}

/// `PyObject_Free` / `PyObject_GC_Del`: release an object's memory. The object must
/// already be untracked and its fields dropped. Used as every type's `tp_free`.
///
/// # Safety
/// `op` must have been allocated by [`PyType_GenericAlloc`] or [`alloc_object`] for
/// its current type (or one of the same size) and must not be used afterwards.
pub unsafe fn PyObject_Free(op: *mut PyObject) {
    // SAFETY: the type outlives its instances; the header is still intact, and the
    // allocation started `GC_HEAD_SIZE` bytes before a GC object.
    unsafe {
        let tp = (*op).ob_type();
        let size = object_size(tp, 0);
        let mem = if tp.is_gc() {
            gc::gc_note_deallocation();
            (op as *mut u8).sub(GC_HEAD_SIZE)
        } else {
            op as *mut u8
        };
        PyObject_FreeSized(mem, size);
    }
}

/// Uninitialised memory for an instance of `tp` without items, GC header included
/// (see [`object_in_memory`]). Out of line, so that [`alloc_object`], which is inlined
/// into every constructor, stays small enough for those to be inlined in turn
/// (`PyLong_FromLong` into the eval loop, for one).
#[inline(never)]
fn object_malloc(tp: &PyTypeObject) -> *mut PyObject {
    let size = object_size(tp, 0);
    let mem = PyObject_Malloc(size);
    if mem.is_null() {
        object_alloc_failed(size);
    }
    // SAFETY: `mem` is a block of the object's size.
    unsafe { object_in_memory(tp, mem) }
}

/// Allocate an object of type `tp` and move `value` (a complete struct whose header is
/// a placeholder) into it, setting the real header. Returns the new reference.
/// GC objects are tracked before returning.
///
/// This is the usual way built-in types make instances:
/// `alloc_object(&PyList_Type, PyListObject { ob_base: PyObject_HEAD_INIT, .. })`.
/// Unlike [`PyType_GenericAlloc`] it does not zero the memory first, as `value` covers
/// it; only the words a subclass adds after `T` (its `__dict__`, `__weakref__` and
/// slots) are zeroed.
///
/// # Safety
/// `T` must be the layout of `tp`'s instances (or of a base of `tp`, with the rest of
/// `tp`'s instance zero-initialisable), and `tp` must be ready.
pub unsafe fn alloc_object<T: PyObjectLayout>(tp: &PyTypeObject, value: T) -> PyRef<T> {
    let basicsize = tp.tp_basicsize.get();
    debug_assert!(basicsize >= std::mem::size_of::<T>());
    let obj = object_malloc(tp);
    // SAFETY: `obj` has room for `tp_basicsize` bytes; `value` fills the first
    // `size_of::<T>()` of them and the rest is zeroed. The header in `value` is a
    // placeholder without a destructor, overwritten by the real one.
    unsafe {
        let p = obj as *mut T;
        p.write(value);
        let tail = std::mem::size_of::<T>();
        if basicsize > tail {
            (obj as *mut u8).add(tail).write_bytes(0, basicsize - tail);
        }
        init_header(tp, obj);
        if tp.is_gc() {
            gc::gc_track(obj);
        }
        PyRef::from_raw(NonNull::new_unchecked(p))
    }
}

/// Allocate an instance of `tp` at the size of `T` alone, which may be less than
/// `tp_basicsize`, as CPython's `PyUnicode_New` allocates a compact string at its
/// own size rather than at `str.__basicsize__`. Only for exact instances of a static
/// type without GC; free them with [`dealloc_object_own_size`].
///
/// # Safety
/// As [`alloc_object`]; `tp` must be a static, non-GC type whose `tp_dealloc` frees
/// its exact instances with [`dealloc_object_own_size::<T>`].
pub unsafe fn alloc_object_own_size<T: PyObjectLayout>(tp: &PyTypeObject, value: T) -> PyRef<T> {
    debug_assert!(!tp.is_gc() && !tp.is_heap_type());
    let size = std::mem::size_of::<T>();
    let mem = PyObject_Malloc(size);
    if mem.is_null() {
        object_alloc_failed(size);
    }
    // SAFETY: `mem` is a block of `size_of::<T>()` bytes, which `value` fills; the
    // header in `value` is a placeholder, overwritten by the real one.
    unsafe {
        let p = mem as *mut T;
        p.write(value);
        init_header(tp, mem as *mut PyObject);
        PyRef::from_raw(NonNull::new_unchecked(p))
    }
}

/// The `tp_dealloc` tail for an object made by [`alloc_object_own_size`]: drop the
/// fields of the `T` and free its `size_of::<T>()` bytes.
///
/// # Safety
/// `op` must be a dead object made by [`alloc_object_own_size::<T>`].
pub unsafe fn dealloc_object_own_size<T: PyObjectLayout>(op: *mut PyObject) {
    // SAFETY: see the function's contract.
    unsafe {
        std::ptr::drop_in_place(op as *mut T);
        PyObject_FreeSized(op as *mut u8, std::mem::size_of::<T>());
    }
}

/// A placeholder header for struct literals passed to [`alloc_object`]; the real
/// header is written by the allocator.
// A template copied into each struct literal (CPython's macro of the same name).
#[allow(clippy::declare_interior_mutable_const)]
pub const PyObject_HEAD_INIT: PyObject = PyObject {
    ob_refcnt: std::cell::Cell::new(0),
    ob_type: std::cell::Cell::new(NonNull::dangling()),
};

/// The common tail of every `tp_dealloc`: untrack, drop the fields of a `T`, free the
/// memory with the type's `tp_free`, and release the reference a heap type's
/// instances hold on their type.
///
/// # Safety
/// `op` must be a dead object whose layout starts with `T`.
pub unsafe fn dealloc_object<T: PyObjectLayout>(op: *mut PyObject) {
    // SAFETY: see the function's contract.
    unsafe {
        let tp = (*op).ob_type();
        if tp.is_gc() {
            gc::gc_untrack(op);
        }
        std::ptr::drop_in_place(op as *mut T);
        free_and_release_type(op);
    }
}

/// Free an object's memory with its type's `tp_free` and drop the reference a heap
/// type's instance holds on the type.
///
/// # Safety
/// `op` must be a dead, untracked object whose fields have been dropped.
pub unsafe fn free_and_release_type(op: *mut PyObject) {
    // SAFETY: see the function's contract.
    unsafe {
        let tp_ptr = (*op).ob_type.get();
        let tp = tp_ptr.as_ref();
        let free = tp.tp_free.get().unwrap_or(PyObject_Free);
        let heap = tp.is_heap_type();
        free(op);
        if heap {
            include::object::Py_DECREF(tp_ptr.cast());
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// A small deterministic generator (xorshift64*), so failures reproduce.
    struct Rng(u64);

    impl Rng {
        fn next(&mut self) -> u64 {
            self.0 ^= self.0 >> 12;
            self.0 ^= self.0 << 25;
            self.0 ^= self.0 >> 27;
            self.0.wrapping_mul(0x2545_F491_4F6C_DD1D)
        }

        fn below(&mut self, n: usize) -> usize {
            (self.next() % n as u64) as usize
        }
    }

    /// Blocks per pool of size class `c`.
    fn blocks_per_pool(c: u32) -> usize {
        (POOL_SIZE - POOL_OVERHEAD) / INDEX2SIZE(c)
    }

    impl PymallocState {
        /// Check every list against its definition.
        fn check_invariants(&self) {
            // SAFETY: the lists only link live pools and arena objects of this state.
            unsafe {
                for (c, &head) in self.usedpools.iter().enumerate() {
                    let mut prev: poolp = ptr::null_mut();
                    let mut pool = head;
                    while !pool.is_null() {
                        assert_eq!((*pool).prevpool, prev);
                        assert_eq!((*pool).szidx as usize, c);
                        assert!((*pool).count > 0);
                        assert!(((*pool).count as usize) < blocks_per_pool(c as u32));
                        assert!(!(*pool).freeblock.is_null());
                        prev = pool;
                        pool = (*pool).nextpool;
                    }
                }
                let mut last = [ptr::null_mut(); MAX_POOLS_IN_ARENA + 1];
                let mut prev: *mut arena_object = ptr::null_mut();
                let mut ao = self.usable_arenas;
                while !ao.is_null() {
                    assert_eq!((*ao).prevarena, prev);
                    assert_ne!((*ao).address, 0);
                    let nf = (*ao).nfreepools as usize;
                    assert!(nf > 0 && nf <= (*ao).ntotalpools as usize);
                    if !prev.is_null() {
                        assert!((*prev).nfreepools as usize <= nf, "usable_arenas unsorted");
                    }
                    let mut free_listed = 0;
                    let mut p = (*ao).freepools;
                    while !p.is_null() {
                        assert_eq!((*p).count, 0);
                        free_listed += 1;
                        p = (*p).nextpool;
                    }
                    let uncarved =
                        ((*ao).address + ARENA_SIZE - (*ao).pool_address as usize) / POOL_SIZE;
                    assert_eq!(free_listed + uncarved, nf);
                    last[nf] = ao;
                    prev = ao;
                    ao = (*ao).nextarena;
                }
                assert_eq!(last, self.nfp2lasta, "nfp2lasta out of date");
            }
        }
    }

    #[test]
    fn size_classes() {
        assert_eq!(NB_SMALL_SIZE_CLASSES, 32);
        assert_eq!(
            [0, 1, 16, 17, 32, 33, 500, 512].map(size_class),
            [0, 0, 0, 1, 1, 2, 31, 31]
        );
        assert_eq!([0, 1, 31].map(INDEX2SIZE), [16, 32, 512]);
        assert_eq!(std::mem::size_of::<pool_header>(), 48);
        // The figures CPython's pools have: 1021 blocks of 16 bytes, 31 of 512.
        assert_eq!(blocks_per_pool(0), 1021);
        assert_eq!(blocks_per_pool(31), 31);
    }

    #[test]
    fn every_class_gives_aligned_disjoint_blocks() {
        let mut st = PymallocState::new();
        let mut blocks = Vec::new();
        for nbytes in 0..=SMALL_REQUEST_THRESHOLD {
            for k in 0..3 {
                let p = st.pymalloc_alloc(nbytes);
                assert!(!p.is_null());
                assert_eq!(p as usize % ALIGNMENT, 0);
                // SAFETY: `p` is a block in one of `st`'s pools.
                let pool = unsafe { &*POOL_ADDR(p) };
                assert_eq!(pool.szidx, size_class(nbytes));
                let offset = p as usize - POOL_ADDR(p) as usize;
                assert!(offset >= POOL_OVERHEAD);
                assert!(offset + INDEX2SIZE(pool.szidx) <= POOL_SIZE);
                let fill = (nbytes * 3 + k) as u8;
                // SAFETY: the block has `nbytes` bytes.
                unsafe { p.write_bytes(fill, nbytes) };
                blocks.push((p, nbytes, fill));
            }
        }
        st.check_invariants();
        assert_eq!(st.stats().pymalloc_allocated_blocks, blocks.len() as isize);
        for &(p, nbytes, fill) in &blocks {
            // SAFETY: each block is live and was filled above; overlapping blocks
            // would have overwritten each other.
            let bytes = unsafe { std::slice::from_raw_parts(p, nbytes) };
            assert!(bytes.iter().all(|&b| b == fill));
        }
        for &(p, _, _) in &blocks {
            // SAFETY: each block is freed once.
            unsafe { st.pymalloc_free(p) };
        }
        st.check_invariants();
        assert_eq!(st.stats().pymalloc_allocated_blocks, 0);
    }

    #[test]
    fn freed_block_is_reused_first() {
        let mut st = PymallocState::new();
        let a = st.pymalloc_alloc(40);
        let b = st.pymalloc_alloc(40);
        // SAFETY: `a` is live.
        unsafe { st.pymalloc_free(a) };
        assert_eq!(st.pymalloc_alloc(40), a);
        // SAFETY: both blocks are live.
        unsafe {
            st.pymalloc_free(a);
            st.pymalloc_free(b);
        }
        st.check_invariants();
    }

    #[test]
    fn random_pattern_and_random_frees() {
        let mut st = PymallocState::new();
        let mut rng = Rng(0x9E37_79B9_7F4A_7C15);
        let mut live: Vec<(*mut u8, usize, u8)> = Vec::new();
        // Grow to 60,000 blocks (several arenas), shrink to 6,000, grow to 40,000
        // and free everything, with allocations and frees mixed in a random order
        // throughout (three to one in the direction of the phase).
        let mut step = 0usize;
        for target in [60_000, 6_000, 40_000, 0] {
            let growing = live.len() < target;
            while live.len() != target {
                let alloc = (rng.below(4) == 0) != growing;
                if alloc {
                    // Mostly small requests, as objects are.
                    let nbytes = if rng.below(4) == 0 {
                        rng.below(SMALL_REQUEST_THRESHOLD + 1)
                    } else {
                        1 + rng.below(64)
                    };
                    let p = st.pymalloc_alloc(nbytes);
                    assert!(!p.is_null());
                    let fill = rng.next() as u8;
                    // SAFETY: the block has `nbytes` bytes.
                    unsafe { p.write_bytes(fill, nbytes) };
                    live.push((p, nbytes, fill));
                } else if !live.is_empty() {
                    let i = rng.below(live.len());
                    let (p, nbytes, fill) = live.swap_remove(i);
                    // SAFETY: the block is live and was filled when allocated.
                    unsafe {
                        let bytes = std::slice::from_raw_parts(p, nbytes);
                        assert!(bytes.iter().all(|&b| b == fill), "a block was overwritten");
                        st.pymalloc_free(p);
                    }
                }
                step += 1;
                if step % 20_000 == 0 {
                    st.check_invariants();
                    assert_eq!(st.stats().pymalloc_allocated_blocks, live.len() as isize);
                }
            }
            st.check_invariants();
        }
        let stats = st.stats();
        assert_eq!(stats.pymalloc_allocated_blocks, 0);
        assert!(stats.narenas_highwater >= 4, "{stats:?}");
        // Emptied arenas went back to the system, but for the one kept against
        // thrashing.
        assert!(stats.narenas_currently_allocated <= 1, "{stats:?}");
    }

    #[test]
    fn empty_arenas_are_returned() {
        let mut st = PymallocState::new();
        // 512-byte blocks: 31 per pool, 63 or 64 pools per arena, so 10,000 blocks
        // take five or six arenas.
        let blocks: Vec<*mut u8> = (0..10_000).map(|_| st.pymalloc_alloc(512)).collect();
        assert!(blocks.iter().all(|p| !p.is_null()));
        let full = st.stats();
        assert!(full.narenas_currently_allocated >= 5, "{full:?}");
        // Free every other block: no arena empties.
        for p in blocks.iter().step_by(2) {
            // SAFETY: each block is live and freed once.
            unsafe { st.pymalloc_free(*p) };
        }
        st.check_invariants();
        assert_eq!(
            st.stats().narenas_currently_allocated,
            full.narenas_currently_allocated
        );
        for p in blocks.iter().skip(1).step_by(2) {
            // SAFETY: as above.
            unsafe { st.pymalloc_free(*p) };
        }
        st.check_invariants();
        let after = st.stats();
        assert_eq!(after.narenas_currently_allocated, 1, "{after:?}");
        assert_eq!(after.narenas_highwater, full.narenas_currently_allocated);
        // The arena objects are reused for the next arenas.
        let again: Vec<*mut u8> = (0..10_000).map(|_| st.pymalloc_alloc(512)).collect();
        assert_eq!(
            st.stats().narenas_currently_allocated,
            full.narenas_currently_allocated
        );
        for p in again {
            // SAFETY: as above.
            unsafe { st.pymalloc_free(p) };
        }
        st.check_invariants();
    }

    #[test]
    fn one_empty_arena_is_kept() {
        // bpo-37257: allocating and freeing one block in a loop must not map and unmap
        // an arena each time.
        let mut st = PymallocState::new();
        for _ in 0..1000 {
            let p = st.pymalloc_alloc(24);
            // SAFETY: `p` is live.
            unsafe { st.pymalloc_free(p) };
        }
        assert_eq!(st.stats().ntimes_arena_allocated, 1);
        assert_eq!(st.stats().narenas_currently_allocated, 1);
    }

    #[test]
    fn arena_objects_array_grows() {
        let mut st = PymallocState::new();
        // More arenas than the 16 arena objects the array starts with.
        let per_arena = 31 * 63;
        let blocks: Vec<*mut u8> = (0..per_arena * 20)
            .map(|_| st.pymalloc_alloc(500))
            .collect();
        assert!(blocks.iter().all(|p| !p.is_null()));
        assert!(st.maxarenas >= 32);
        st.check_invariants();
        for p in blocks.into_iter().rev() {
            // SAFETY: each block is live and freed once.
            unsafe { st.pymalloc_free(p) };
        }
        st.check_invariants();
        assert_eq!(st.stats().narenas_currently_allocated, 1);
    }

    #[test]
    fn realloc_keeps_contents_across_classes_and_allocators() {
        let mut st = PymallocState::new();
        // SAFETY: every pointer is live when used, with the size it was made for.
        unsafe {
            let p = st.malloc(100);
            for i in 0..100 {
                *p.add(i) = i as u8;
            }
            // Within the block's class (112 bytes): stays in place.
            assert_eq!(st.realloc(p, 100, 112), p);
            // Shrinking by less than a quarter: stays.
            assert_eq!(st.realloc(p, 112, 90), p);
            // Shrinking a lot: moves to a smaller class.
            let q = st.realloc(p, 90, 20);
            assert_ne!(q, p);
            assert_eq!(
                std::slice::from_raw_parts(q, 20),
                &(0..20).collect::<Vec<u8>>()[..]
            );
            // Into the system allocator and back.
            let r = st.realloc(q, 20, 5000);
            assert_eq!(st.stats().raw_allocated_blocks, 1);
            assert_eq!(
                std::slice::from_raw_parts(r, 20),
                &(0..20).collect::<Vec<u8>>()[..]
            );
            r.add(4999).write(7);
            let r = st.realloc(r, 5000, 9000);
            assert_eq!(*r.add(4999), 7);
            let s = st.realloc(r, 9000, 16);
            assert_eq!(st.stats().raw_allocated_blocks, 0);
            assert_eq!(POOL_ADDR(s) as usize % POOL_SIZE, 0);
            assert_eq!(
                std::slice::from_raw_parts(s, 16),
                &(0..16).collect::<Vec<u8>>()[..]
            );
            st.free(s, 16);
        }
        assert_eq!(st.stats().pymalloc_allocated_blocks, 0);
        st.check_invariants();
    }

    #[test]
    fn pymemvec_behaves_like_vec() {
        use std::rc::Rc;
        let token = Rc::new(());
        let mut v: PyMemVec<Rc<()>> = PyMemVec::new();
        assert_eq!((v.len(), v.capacity()), (0, 0));
        // Grows through pymalloc's classes into the system allocator and keeps the
        // elements (each holds a reference, so a lost or doubled drop would show).
        for _ in 0..100 {
            v.push(token.clone());
        }
        assert_eq!(v.len(), 100);
        assert!(v.capacity() >= 100);
        assert_eq!(Rc::strong_count(&token), 101);
        let w = v.clone();
        assert_eq!(Rc::strong_count(&token), 201);
        v.truncate(10);
        assert_eq!(Rc::strong_count(&token), 111);
        drop(w);
        assert_eq!(Rc::strong_count(&token), 11);
        assert_eq!(v.iter().count(), 10);
        drop(v);
        assert_eq!(Rc::strong_count(&token), 1);

        let mut f = PyMemVec::try_from_elem(-1i8, 8).expect("memory");
        assert_eq!(&f[..], &[-1; 8]);
        f[3] = 5;
        for x in &mut f {
            *x += 1;
        }
        assert_eq!(f.get(3), Some(&6));
        assert!(PyMemVec::<u64>::try_with_capacity(usize::MAX / 4).is_none());
    }

    #[test]
    fn process_allocator_entry_points() {
        // The shared state: other tests' objects may be in it too, so only properties
        // of the blocks made here are checked.
        for nbytes in [0, 1, 8, 16, 48, 500, 512, 513, 4096, 1 << 20] {
            let p = PyObject_Malloc(nbytes);
            assert!(!p.is_null());
            assert_eq!(p as usize % ALIGNMENT, 0);
            // SAFETY: `p` has `nbytes` bytes; it is freed with the same size.
            unsafe {
                p.write_bytes(0xAB, nbytes);
                PyObject_FreeSized(p, nbytes);
            }
            // A calloc'd block is zero even when it reuses the block just dirtied.
            let z = PyObject_Calloc(1, nbytes);
            assert!(!z.is_null());
            // SAFETY: as above.
            unsafe {
                assert!(std::slice::from_raw_parts(z, nbytes)
                    .iter()
                    .all(|&b| b == 0));
                let z = PyObject_Realloc(z, nbytes, nbytes + 100);
                assert!(!z.is_null());
                assert!(std::slice::from_raw_parts(z, nbytes)
                    .iter()
                    .all(|&b| b == 0));
                PyObject_FreeSized(z, nbytes + 100);
            }
        }
        assert!(PyObject_Calloc(usize::MAX, 2).is_null());
        // SAFETY: null is allowed and ignored.
        unsafe { PyObject_FreeSized(ptr::null_mut(), 16) };
        assert!(_Py_GetAllocatedBlocks() >= 0);
    }
}
