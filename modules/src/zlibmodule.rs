//! The `zlib` module: deflate compression through the system's zlib library.
//! Mirrors Modules/zlibmodule.c (CPython 3.11).
//!
//! CPython links the system libz; so does pyrs (`-lz`, through the declarations in
//! `ffi` below), so that compressed bytes equal python3's on the same machine. The
//! output buffer grows in the block sizes of CPython's `_BlocksOutputBuffer`
//! (Include/internal/pycore_blocks_output_buffer.h), since with `max_length` the
//! amount of input zlib consumes can depend on how the output space is offered.
//!
//! Differences from CPython: `ZLIB_VERSION` is the runtime library's version, like
//! `ZLIB_RUNTIME_VERSION` (pyrs has no zlib.h at build time; the declarations
//! follow zlib 1.2's, whose `z_stream` layout every 1.x library shares); there is
//! no lock (pyrs runs one thread).

use std::borrow::Cow;
use std::cell::Cell;
use std::ffi::CStr;
use std::mem::{offset_of, size_of};

use include::cpython::object::flags::Py_TPFLAGS_DISALLOW_INSTANTIATION;
use include::descrobject::{MemberType, PyMemberDef, READONLY};
use include::methodobject::{PyCFunction, PyMethodDef};
use include::object::GlobalCell;

use objects::bytesobject::{PyBytesObject, PyBytes_FromSlice, PyBytes_FromVec};
use objects::exceptions::PyExc_MemoryError;
use objects::getargs::{check_positional, unpack_keywords, ArgSpec};
use objects::longobject::{long_to_bigint, PyLong_FromLong, PyLong_FromU64};
use objects::moduleobject::{
    PyModuleObject, PyModule_AddFunctions, PyModule_AddObject, PyModule_New,
};
use objects::obmalloc::{alloc_object, dealloc_object, PyObject_HEAD_INIT};
use objects::prelude::*;
use objects::pyerrors::cached_exception_type;
use objects::r#abstract::{buffer_simple_to_vec, PyNumber_Index, PyObject_CheckBuffer};
use objects::typeobject::{PyType_Ready, PyType_Type};
use objects::unicodeobject::PyUnicode_FromString;

use crate::_io::int_arg;

/// Argument Clinic's `Py_ssize_t` converter: `_PyNumber_Index`, then
/// `PyLong_AsSsize_t`.
fn ssize_arg(obj: &PyObject) -> PyResult<isize> {
    let index = PyNumber_Index(obj)?;
    objects::longobject::PyLong_AsSsize_t(&index)
}

/// The part of zlib.h that the module uses.
#[allow(non_camel_case_types)]
mod ffi {
    use std::ffi::{c_char, c_int, c_uint, c_ulong, c_void};

    pub type alloc_func = unsafe extern "C" fn(*mut c_void, c_uint, c_uint) -> *mut c_void;
    pub type free_func = unsafe extern "C" fn(*mut c_void, *mut c_void);

    /// `z_stream`. zlib keeps a pointer to it in its internal state and checks it,
    /// so a stream must not move once initialised: pyrs keeps every one in a `Box`.
    #[repr(C)]
    pub struct z_stream {
        pub next_in: *const u8,
        pub avail_in: c_uint,
        pub total_in: c_ulong,
        pub next_out: *mut u8,
        pub avail_out: c_uint,
        pub total_out: c_ulong,
        pub msg: *const c_char,
        pub state: *mut c_void,
        pub zalloc: Option<alloc_func>,
        pub zfree: Option<free_func>,
        pub opaque: *mut c_void,
        pub data_type: c_int,
        pub adler: c_ulong,
        pub reserved: c_ulong,
    }

    #[link(name = "z")]
    extern "C" {
        pub fn zlibVersion() -> *const c_char;
        pub fn deflateInit2_(
            strm: *mut z_stream,
            level: c_int,
            method: c_int,
            windowBits: c_int,
            memLevel: c_int,
            strategy: c_int,
            version: *const c_char,
            stream_size: c_int,
        ) -> c_int;
        pub fn deflate(strm: *mut z_stream, flush: c_int) -> c_int;
        pub fn deflateEnd(strm: *mut z_stream) -> c_int;
        pub fn deflateSetDictionary(
            strm: *mut z_stream,
            dictionary: *const u8,
            dictLength: c_uint,
        ) -> c_int;
        pub fn deflateCopy(dest: *mut z_stream, source: *mut z_stream) -> c_int;
        pub fn inflateInit2_(
            strm: *mut z_stream,
            windowBits: c_int,
            version: *const c_char,
            stream_size: c_int,
        ) -> c_int;
        pub fn inflate(strm: *mut z_stream, flush: c_int) -> c_int;
        pub fn inflateEnd(strm: *mut z_stream) -> c_int;
        pub fn inflateSetDictionary(
            strm: *mut z_stream,
            dictionary: *const u8,
            dictLength: c_uint,
        ) -> c_int;
        pub fn inflateCopy(dest: *mut z_stream, source: *mut z_stream) -> c_int;
        pub fn crc32(crc: c_ulong, buf: *const u8, len: c_uint) -> c_ulong;
        pub fn adler32(adler: c_ulong, buf: *const u8, len: c_uint) -> c_ulong;
    }
}

use ffi::z_stream;

// zlib.h's constants.
const Z_NO_FLUSH: i32 = 0;
const Z_PARTIAL_FLUSH: i32 = 1;
const Z_SYNC_FLUSH: i32 = 2;
const Z_FULL_FLUSH: i32 = 3;
const Z_FINISH: i32 = 4;
const Z_BLOCK: i32 = 5;
const Z_TREES: i32 = 6;
const Z_OK: i32 = 0;
const Z_STREAM_END: i32 = 1;
const Z_NEED_DICT: i32 = 2;
const Z_STREAM_ERROR: i32 = -2;
const Z_DATA_ERROR: i32 = -3;
const Z_MEM_ERROR: i32 = -4;
const Z_BUF_ERROR: i32 = -5;
const Z_VERSION_ERROR: i32 = -6;
const Z_NO_COMPRESSION: i32 = 0;
const Z_BEST_SPEED: i32 = 1;
const Z_BEST_COMPRESSION: i32 = 9;
const Z_DEFAULT_COMPRESSION: i32 = -1;
const Z_FILTERED: i32 = 1;
const Z_HUFFMAN_ONLY: i32 = 2;
const Z_RLE: i32 = 3;
const Z_FIXED: i32 = 4;
const Z_DEFAULT_STRATEGY: i32 = 0;
const DEFLATED: i32 = 8;
const MAX_WBITS: i32 = 15;
const DEF_MEM_LEVEL: i32 = 8;
const DEF_BUF_SIZE: isize = 16 * 1024;

/// The zlib.h version these declarations follow, passed to the `*Init2_` calls for
/// zlib's compatibility check (only its first digit must match the library's).
const ZLIB_HEADER_VERSION: &CStr = c"1.2.13";

/// A fresh stream on the heap, with zlib's default allocator.
fn new_stream() -> Box<z_stream> {
    Box::new(z_stream {
        next_in: std::ptr::null(),
        avail_in: 0,
        total_in: 0,
        next_out: std::ptr::null_mut(),
        avail_out: 0,
        total_out: 0,
        msg: std::ptr::null(),
        state: std::ptr::null_mut(),
        zalloc: None,
        zfree: None,
        opaque: std::ptr::null_mut(),
        data_type: 0,
        adler: 0,
        reserved: 0,
    })
}

fn deflateInit2(
    zst: &mut z_stream,
    level: i32,
    method: i32,
    wbits: i32,
    mem: i32,
    strategy: i32,
) -> i32 {
    // SAFETY: `zst` is a boxed stream that stays put; the version is a C string.
    unsafe {
        ffi::deflateInit2_(
            zst,
            level,
            method,
            wbits,
            mem,
            strategy,
            ZLIB_HEADER_VERSION.as_ptr(),
            size_of::<z_stream>() as i32,
        )
    }
}

fn inflateInit2(zst: &mut z_stream, wbits: i32) -> i32 {
    // SAFETY: as for `deflateInit2`.
    unsafe {
        ffi::inflateInit2_(
            zst,
            wbits,
            ZLIB_HEADER_VERSION.as_ptr(),
            size_of::<z_stream>() as i32,
        )
    }
}

// zlib checks the stream pointer and its state before using either, so calling these
// on a stream that was ended (or never initialised) returns Z_STREAM_ERROR.
fn deflate(zst: &mut z_stream, flush: i32) -> i32 {
    // SAFETY: the buffers `next_in`/`next_out` point into are alive for the call.
    unsafe { ffi::deflate(zst, flush) }
}

fn inflate(zst: &mut z_stream, flush: i32) -> i32 {
    // SAFETY: as for `deflate`.
    unsafe { ffi::inflate(zst, flush) }
}

fn deflateEnd(zst: &mut z_stream) -> i32 {
    // SAFETY: a stream pointer; zlib frees its state and clears it.
    unsafe { ffi::deflateEnd(zst) }
}

fn inflateEnd(zst: &mut z_stream) -> i32 {
    // SAFETY: as for `deflateEnd`.
    unsafe { ffi::inflateEnd(zst) }
}

static ZLIB_ERROR: GlobalCell<Option<PyObjectRef>> = GlobalCell::new(None);

/// `zlib.error`.
fn zlib_error_type() -> PyResult<&'static PyTypeObject> {
    cached_exception_type(&ZLIB_ERROR, "zlib.error", &[])
}

/// `zlib_error`: raise `zlib.error` with zlib's message for `err`, or a generic one.
fn zlib_error(zst: &z_stream, err: i32, msg: &str) -> PyErr {
    let zmsg: Option<Cow<str>> = if err == Z_VERSION_ERROR {
        // On a version mismatch `zst.msg` is not initialised.
        Some(Cow::Borrowed("library version mismatch"))
    } else if !zst.msg.is_null() {
        // SAFETY: zlib's messages are static NUL-terminated strings.
        Some(unsafe { CStr::from_ptr(zst.msg) }.to_string_lossy())
    } else {
        match err {
            Z_BUF_ERROR => Some(Cow::Borrowed("incomplete or truncated stream")),
            Z_STREAM_ERROR => Some(Cow::Borrowed("inconsistent stream state")),
            Z_DATA_ERROR => Some(Cow::Borrowed("invalid input data")),
            _ => None,
        }
    };
    let text = match zmsg {
        Some(z) => format!(
            "Error {err} {msg}: {}",
            z.chars().take(200).collect::<String>()
        ),
        None => format!("Error {err} {msg}"),
    };
    match zlib_error_type() {
        Ok(tp) => PyErr_SetString(tp, text),
        Err(e) => e,
    }
}

fn memory_error(msg: &str) -> PyErr {
    PyErr_SetString(&PyExc_MemoryError, msg)
}

// --- The output buffer (pycore_blocks_output_buffer.h) ----------------------------------

const KB: usize = 1024;
const MB: usize = 1024 * 1024;

/// `BUFFER_BLOCK_SIZE`: the sizes of the successive output blocks.
const BUFFER_BLOCK_SIZE: [usize; 17] = [
    32 * KB,
    64 * KB,
    256 * KB,
    MB,
    4 * MB,
    8 * MB,
    16 * MB,
    16 * MB,
    32 * MB,
    32 * MB,
    32 * MB,
    32 * MB,
    64 * MB,
    64 * MB,
    128 * MB,
    128 * MB,
    256 * MB,
];

/// `_BlocksOutputBuffer`: the output grows one block at a time, each block offered
/// to zlib as `next_out`/`avail_out`. Here the blocks are consecutive parts of one
/// vector's capacity, not zero-filled; the vector's length covers the blocks zlib
/// has filled.
struct OutputBuffer {
    data: Vec<u8>,
    /// The bytes offered to zlib so far, the current block included.
    allocated: usize,
    /// How many blocks have been added (`list_len`).
    blocks: usize,
    /// The most output wanted, or `None` for no limit.
    max_length: Option<usize>,
}

impl OutputBuffer {
    /// Offer zlib a new block of `size` bytes. A larger initial size than `UINT_MAX`
    /// is reserved but offered only up to what one call of zlib can fill. A block is
    /// only added once the previous ones are full.
    fn add_block(&mut self, size: usize, zst: &mut z_stream) -> PyResult<()> {
        // SAFETY: zlib has written every byte offered so far (`avail_out` is 0 when
        // a block is added after the first).
        unsafe { self.data.set_len(self.allocated) };
        if self.data.try_reserve_exact(size).is_err() {
            return Err(memory_error("Unable to allocate output buffer."));
        }
        let size = size.min(u32::MAX as usize);
        self.allocated += size;
        self.blocks += 1;
        zst.next_out = self.data.spare_capacity_mut().as_mut_ptr().cast();
        zst.avail_out = size as u32;
        Ok(())
    }

    fn new(max_length: Option<usize>) -> OutputBuffer {
        OutputBuffer {
            data: Vec::new(),
            allocated: 0,
            blocks: 0,
            max_length,
        }
    }

    /// `_BlocksOutputBuffer_InitAndGrow`: the first block is 32 KiB, or `max_length`
    /// if that is smaller.
    fn init_and_grow(max_length: Option<usize>, zst: &mut z_stream) -> PyResult<OutputBuffer> {
        let mut buf = OutputBuffer::new(max_length);
        let size = match max_length {
            Some(m) if m < BUFFER_BLOCK_SIZE[0] => m,
            _ => BUFFER_BLOCK_SIZE[0],
        };
        buf.add_block(size, zst)?;
        Ok(buf)
    }

    /// `_BlocksOutputBuffer_InitWithSize`: the first block has the given size.
    fn init_with_size(size: usize, zst: &mut z_stream) -> PyResult<OutputBuffer> {
        let mut buf = OutputBuffer::new(None);
        buf.add_block(size, zst)?;
        Ok(buf)
    }

    /// `_BlocksOutputBuffer_Grow`: add the next block, cut to what `max_length`
    /// still allows.
    fn grow(&mut self, zst: &mut z_stream) -> PyResult<()> {
        let mut size = BUFFER_BLOCK_SIZE[self.blocks.min(BUFFER_BLOCK_SIZE.len() - 1)];
        if let Some(m) = self.max_length {
            size = size.min(m - self.allocated);
        }
        self.add_block(size, zst)
    }

    /// `_BlocksOutputBuffer_GetDataSize`.
    fn data_size(&self, zst: &z_stream) -> usize {
        self.allocated - zst.avail_out as usize
    }

    /// `_BlocksOutputBuffer_Finish`: the output as bytes.
    fn finish(mut self, zst: &mut z_stream) -> PyObjectRef {
        let n = self.data_size(zst);
        // SAFETY: zlib has written the first `n` bytes offered.
        unsafe { self.data.set_len(n) };
        zst.next_out = std::ptr::null_mut();
        zst.avail_out = 0;
        PyBytes_FromVec(self.data)
    }
}

/// `arrange_input_buffer`: offer zlib the next part of the input (at most
/// `UINT_MAX` bytes); `remains` counts what is left after it.
fn arrange_input_buffer(zst: &mut z_stream, remains: &mut usize) {
    let n = (*remains).min(u32::MAX as usize);
    zst.avail_in = n as u32;
    *remains -= n;
}

/// The bytes of a `Py_buffer` argument (borrowed from a `bytes` object).
fn buffer_of(obj: &PyObject) -> PyResult<Cow<'_, [u8]>> {
    if let Some(b) = obj.downcast_ref::<PyBytesObject>() {
        return Ok(Cow::Borrowed(b.as_bytes()));
    }
    Ok(Cow::Owned(buffer_simple_to_vec(obj)?))
}

// --- Module functions ---------------------------------------------------------------

/// `zlib.compress(data, /, level=Z_DEFAULT_COMPRESSION, wbits=MAX_WBITS)`.
fn zlib_compress(_m: &PyObject, args: &[PyObjectRef], kwnames: Option<&PyObject>) -> PyResult {
    let a = unpack_keywords(
        &ArgSpec {
            fname: "compress",
            names: &["", "level", "wbits"],
            posonly: 1,
            maxpos: 3,
            minpos: 1,
            required_kwonly: &[],
        },
        args,
        kwnames,
    )?;
    let data = buffer_of(a[0].as_deref().expect("a required argument"))?;
    let level = a[1].as_deref().map_or(Ok(Z_DEFAULT_COMPRESSION), int_arg)?;
    let wbits = a[2].as_deref().map_or(Ok(MAX_WBITS), int_arg)?;

    let mut zst = new_stream();
    let mut buffer = OutputBuffer::init_and_grow(None, &mut zst)?;
    zst.next_in = data.as_ptr();
    let mut ibuflen = data.len();
    let err = deflateInit2(
        &mut zst,
        level,
        DEFLATED,
        wbits,
        DEF_MEM_LEVEL,
        Z_DEFAULT_STRATEGY,
    );
    match err {
        Z_OK => {}
        Z_MEM_ERROR => return Err(memory_error("Out of memory while compressing data")),
        Z_STREAM_ERROR => return Err(PyErr_SetString(zlib_error_type()?, "Bad compression level")),
        _ => {
            deflateEnd(&mut zst);
            return Err(zlib_error(&zst, err, "while compressing data"));
        }
    }
    loop {
        arrange_input_buffer(&mut zst, &mut ibuflen);
        let flush = if ibuflen == 0 { Z_FINISH } else { Z_NO_FLUSH };
        loop {
            if zst.avail_out == 0 {
                if let Err(e) = buffer.grow(&mut zst) {
                    deflateEnd(&mut zst);
                    return Err(e);
                }
            }
            let err = deflate(&mut zst, flush);
            if err == Z_STREAM_ERROR {
                deflateEnd(&mut zst);
                return Err(zlib_error(&zst, err, "while compressing data"));
            }
            if zst.avail_out != 0 {
                break;
            }
        }
        if flush == Z_FINISH {
            break;
        }
    }
    let err = deflateEnd(&mut zst);
    if err == Z_OK {
        Ok(buffer.finish(&mut zst))
    } else {
        Err(zlib_error(&zst, err, "while finishing compression"))
    }
}

/// `zlib.decompress(data, /, wbits=MAX_WBITS, bufsize=DEF_BUF_SIZE)`.
fn zlib_decompress(_m: &PyObject, args: &[PyObjectRef], kwnames: Option<&PyObject>) -> PyResult {
    let a = unpack_keywords(
        &ArgSpec {
            fname: "decompress",
            names: &["", "wbits", "bufsize"],
            posonly: 1,
            maxpos: 3,
            minpos: 1,
            required_kwonly: &[],
        },
        args,
        kwnames,
    )?;
    let data = buffer_of(a[0].as_deref().expect("a required argument"))?;
    let wbits = a[1].as_deref().map_or(Ok(MAX_WBITS), int_arg)?;
    let mut bufsize = a[2].as_deref().map_or(Ok(DEF_BUF_SIZE), ssize_arg)?;
    if bufsize < 0 {
        return Err(value_error("bufsize must be non-negative"));
    } else if bufsize == 0 {
        bufsize = 1;
    }

    let mut zst = new_stream();
    let mut buffer = OutputBuffer::init_with_size(bufsize as usize, &mut zst)?;
    let mut ibuflen = data.len();
    zst.avail_in = 0;
    zst.next_in = data.as_ptr();
    let err = inflateInit2(&mut zst, wbits);
    match err {
        Z_OK => {}
        Z_MEM_ERROR => return Err(memory_error("Out of memory while decompressing data")),
        _ => {
            inflateEnd(&mut zst);
            return Err(zlib_error(&zst, err, "while preparing to decompress data"));
        }
    }
    let mut err;
    loop {
        arrange_input_buffer(&mut zst, &mut ibuflen);
        let flush = if ibuflen == 0 { Z_FINISH } else { Z_NO_FLUSH };
        loop {
            if zst.avail_out == 0 {
                if let Err(e) = buffer.grow(&mut zst) {
                    inflateEnd(&mut zst);
                    return Err(e);
                }
            }
            err = inflate(&mut zst, flush);
            match err {
                Z_OK | Z_BUF_ERROR | Z_STREAM_END => {}
                Z_MEM_ERROR => {
                    inflateEnd(&mut zst);
                    return Err(memory_error("Out of memory while decompressing data"));
                }
                _ => {
                    inflateEnd(&mut zst);
                    return Err(zlib_error(&zst, err, "while decompressing data"));
                }
            }
            if zst.avail_out != 0 {
                break;
            }
        }
        if err == Z_STREAM_END || ibuflen == 0 {
            break;
        }
    }
    if err != Z_STREAM_END {
        inflateEnd(&mut zst);
        return Err(zlib_error(&zst, err, "while decompressing data"));
    }
    let err = inflateEnd(&mut zst);
    if err != Z_OK {
        return Err(zlib_error(&zst, err, "while finishing decompression"));
    }
    Ok(buffer.finish(&mut zst))
}

// --- Compress and Decompress objects ----------------------------------------------------

/// `compobject`: a compression or decompression stream.
#[repr(C)]
pub struct compobject {
    pub ob_base: PyObject,
    zst: PyCell<Box<z_stream>>,
    unused_data: PyCell<Option<PyObjectRef>>,
    unconsumed_tail: PyCell<Option<PyObjectRef>>,
    eof: Cell<bool>,
    is_initialised: Cell<bool>,
    zdict: PyCell<Option<PyObjectRef>>,
}

// SAFETY: `#[repr(C)]` with the header first.
unsafe impl PyObjectLayout for compobject {}

fn as_comp(obj: &PyObject) -> &compobject {
    // SAFETY: the methods are only called on `Compress` and `Decompress` objects.
    unsafe { &*(obj as *const PyObject as *const compobject) }
}

/// `newcompobject`.
fn newcompobject(tp: &PyTypeObject) -> PyObjectRef {
    // SAFETY: both types' basic size is `compobject`'s and neither can be subclassed.
    unsafe {
        alloc_object(
            tp,
            compobject {
                ob_base: PyObject_HEAD_INIT,
                zst: PyCell::new(new_stream()),
                unused_data: PyCell::new(Some(PyBytes_FromSlice(b""))),
                unconsumed_tail: PyCell::new(Some(PyBytes_FromSlice(b""))),
                eof: Cell::new(false),
                is_initialised: Cell::new(false),
                zdict: PyCell::new(None),
            },
        )
    }
    .into_object()
}

impl compobject {
    /// The stream. No Python code runs while it is borrowed: arguments are
    /// converted before, objects made after.
    #[allow(clippy::mut_from_ref)]
    fn zst(&self) -> &mut z_stream {
        // SAFETY: see above; the box gives the stream a fixed address.
        unsafe { self.zst.get_mut() }
    }

    fn bytes_field(cell: &PyCell<Option<PyObjectRef>>) -> Vec<u8> {
        // SAFETY: read without running Python code.
        match unsafe { cell.get_ref() } {
            Some(o) => o
                .downcast_ref::<PyBytesObject>()
                .map(|b| b.as_bytes().to_vec())
                .unwrap_or_default(),
            None => Vec::new(),
        }
    }

    fn set_field(cell: &PyCell<Option<PyObjectRef>>, value: PyObjectRef) {
        // SAFETY: the old value is dropped after the cell is written.
        let old = unsafe { cell.get_mut().replace(value) };
        drop(old);
    }
}

unsafe fn Comp_dealloc(op: *mut PyObject) {
    // SAFETY: `op` is a dead `Compress` object.
    unsafe {
        let c = &*(op as *const compobject);
        if c.is_initialised.get() {
            deflateEnd(c.zst());
        }
        dealloc_object::<compobject>(op)
    }
}

unsafe fn Decomp_dealloc(op: *mut PyObject) {
    // SAFETY: `op` is a dead `Decompress` object.
    unsafe {
        let c = &*(op as *const compobject);
        if c.is_initialised.get() {
            inflateEnd(c.zst());
        }
        dealloc_object::<compobject>(op)
    }
}

/// `zlib.compressobj(level=Z_DEFAULT_COMPRESSION, method=DEFLATED, wbits=MAX_WBITS,
/// memLevel=DEF_MEM_LEVEL, strategy=Z_DEFAULT_STRATEGY, zdict=None)`.
fn zlib_compressobj(_m: &PyObject, args: &[PyObjectRef], kwnames: Option<&PyObject>) -> PyResult {
    let a = unpack_keywords(
        &ArgSpec {
            fname: "compressobj",
            names: &["level", "method", "wbits", "memLevel", "strategy", "zdict"],
            posonly: 0,
            maxpos: 6,
            minpos: 0,
            required_kwonly: &[],
        },
        args,
        kwnames,
    )?;
    let level = a[0].as_deref().map_or(Ok(Z_DEFAULT_COMPRESSION), int_arg)?;
    let method = a[1].as_deref().map_or(Ok(DEFLATED), int_arg)?;
    let wbits = a[2].as_deref().map_or(Ok(MAX_WBITS), int_arg)?;
    let mem_level = a[3].as_deref().map_or(Ok(DEF_MEM_LEVEL), int_arg)?;
    let strategy = a[4].as_deref().map_or(Ok(Z_DEFAULT_STRATEGY), int_arg)?;
    let zdict = a[5].as_deref().map(buffer_of).transpose()?;
    if zdict.as_ref().is_some_and(|z| z.len() > u32::MAX as usize) {
        return Err(overflow_error(
            "zdict length does not fit in an unsigned int",
        ));
    }
    let obj = newcompobject(&Comptype);
    let c = as_comp(&obj);
    let zst = c.zst();
    let err = deflateInit2(zst, level, method, wbits, mem_level, strategy);
    match err {
        Z_OK => {
            c.is_initialised.set(true);
            let Some(zdict) = zdict else {
                return Ok(obj);
            };
            // SAFETY: the stream is initialised; the dictionary is alive for the call.
            let err = unsafe { ffi::deflateSetDictionary(zst, zdict.as_ptr(), zdict.len() as u32) };
            match err {
                Z_OK => Ok(obj),
                Z_STREAM_ERROR => Err(value_error("Invalid dictionary")),
                _ => Err(value_error("deflateSetDictionary()")),
            }
        }
        Z_MEM_ERROR => Err(memory_error("Can't allocate memory for compression object")),
        Z_STREAM_ERROR => Err(value_error("Invalid initialization option")),
        _ => Err(zlib_error(zst, err, "while creating compression object")),
    }
}

/// `set_inflate_zdict`: give the decompressor its dictionary.
fn set_inflate_zdict(c: &compobject) -> PyResult<()> {
    // SAFETY: read without running Python code.
    let Some(zdict) = (unsafe { c.zdict.get_ref() }).clone() else {
        return Ok(());
    };
    let buf = buffer_of(&zdict)?;
    if buf.len() > u32::MAX as usize {
        return Err(overflow_error(
            "zdict length does not fit in an unsigned int",
        ));
    }
    let zst = c.zst();
    // SAFETY: the stream is initialised; the dictionary is alive for the call.
    let err = unsafe { ffi::inflateSetDictionary(zst, buf.as_ptr(), buf.len() as u32) };
    if err != Z_OK {
        return Err(zlib_error(zst, err, "while setting zdict"));
    }
    Ok(())
}

/// `zlib.decompressobj(wbits=MAX_WBITS, zdict=b'')`.
fn zlib_decompressobj(_m: &PyObject, args: &[PyObjectRef], kwnames: Option<&PyObject>) -> PyResult {
    let a = unpack_keywords(
        &ArgSpec {
            fname: "decompressobj",
            names: &["wbits", "zdict"],
            posonly: 0,
            maxpos: 2,
            minpos: 0,
            required_kwonly: &[],
        },
        args,
        kwnames,
    )?;
    let wbits = a[0].as_deref().map_or(Ok(MAX_WBITS), int_arg)?;
    let zdict = a[1].clone();
    if let Some(z) = &zdict {
        if !PyObject_CheckBuffer(z) {
            return Err(type_error(
                "zdict argument must support the buffer protocol",
            ));
        }
    }
    let obj = newcompobject(&Decomptype);
    let c = as_comp(&obj);
    let has_zdict = zdict.is_some();
    if let Some(z) = zdict {
        compobject::set_field(&c.zdict, z);
    }
    let zst = c.zst();
    let err = inflateInit2(zst, wbits);
    match err {
        Z_OK => {
            c.is_initialised.set(true);
            // A raw stream has no header asking for the dictionary: set it now.
            if has_zdict && wbits < 0 {
                set_inflate_zdict(c)?;
            }
            Ok(obj)
        }
        Z_STREAM_ERROR => Err(value_error("Invalid initialization option")),
        Z_MEM_ERROR => Err(memory_error(
            "Can't allocate memory for decompression object",
        )),
        _ => Err(zlib_error(zst, err, "while creating decompression object")),
    }
}

/// `zlib.Compress.compress(data, /)`.
fn zlib_Compress_compress(
    obj: &PyObject,
    args: &[PyObjectRef],
    kwnames: Option<&PyObject>,
) -> PyResult {
    let a = unpack_keywords(
        &ArgSpec {
            fname: "compress",
            names: &[""],
            posonly: 1,
            maxpos: 1,
            minpos: 1,
            required_kwonly: &[],
        },
        args,
        kwnames,
    )?;
    let data = buffer_of(a[0].as_deref().expect("a required argument"))?;
    let zst = as_comp(obj).zst();
    let mut buffer = OutputBuffer::init_and_grow(None, zst)?;
    let mut ibuflen = data.len();
    zst.next_in = data.as_ptr();
    loop {
        arrange_input_buffer(zst, &mut ibuflen);
        loop {
            if zst.avail_out == 0 {
                buffer.grow(zst)?;
            }
            let err = deflate(zst, Z_NO_FLUSH);
            if err == Z_STREAM_ERROR {
                zst.next_in = std::ptr::null();
                return Err(zlib_error(zst, err, "while compressing data"));
            }
            if zst.avail_out != 0 {
                break;
            }
        }
        if ibuflen == 0 {
            break;
        }
    }
    zst.next_in = std::ptr::null();
    Ok(buffer.finish(zst))
}

/// `zlib.Compress.flush(mode=zlib.Z_FINISH, /)`.
fn zlib_Compress_flush(
    obj: &PyObject,
    args: &[PyObjectRef],
    kwnames: Option<&PyObject>,
) -> PyResult {
    let a = unpack_keywords(
        &ArgSpec {
            fname: "flush",
            names: &[""],
            posonly: 1,
            maxpos: 1,
            minpos: 0,
            required_kwonly: &[],
        },
        args,
        kwnames,
    )?;
    let mode = a[0].as_deref().map_or(Ok(Z_FINISH), int_arg)?;
    // Flushing with Z_NO_FLUSH does nothing.
    if mode == Z_NO_FLUSH {
        return Ok(PyBytes_FromSlice(b""));
    }
    let c = as_comp(obj);
    let zst = c.zst();
    let mut buffer = OutputBuffer::init_and_grow(None, zst)?;
    zst.avail_in = 0;
    let mut err;
    loop {
        if zst.avail_out == 0 {
            buffer.grow(zst)?;
        }
        err = deflate(zst, mode);
        if err == Z_STREAM_ERROR {
            return Err(zlib_error(zst, err, "while flushing"));
        }
        if zst.avail_out != 0 {
            break;
        }
    }
    if err == Z_STREAM_END && mode == Z_FINISH {
        // At the end of the stream, free zlib's memory; the object is done.
        err = deflateEnd(zst);
        if err != Z_OK {
            return Err(zlib_error(zst, err, "while finishing compression"));
        }
        c.is_initialised.set(false);
    } else if err != Z_OK && err != Z_BUF_ERROR {
        // Z_BUF_ERROR only means that the output buffer was full and there was no
        // more output when tried again: not an error.
        return Err(zlib_error(zst, err, "while flushing"));
    }
    Ok(buffer.finish(zst))
}

/// The shared body of `Compress.copy()` and `Decompress.copy()`.
fn comp_copy(obj: &PyObject, decompress: bool) -> PyResult {
    let c = as_comp(obj);
    let (tp, what) = if decompress {
        (&Decomptype, "decompression")
    } else {
        (&Comptype, "compression")
    };
    let retval = newcompobject(tp);
    if !c.is_initialised.get() {
        return Err(value_error("Inconsistent stream state"));
    }
    let r = as_comp(&retval);
    // SAFETY: both streams are boxed; the source is initialised.
    let err = unsafe {
        if decompress {
            ffi::inflateCopy(r.zst(), c.zst())
        } else {
            ffi::deflateCopy(r.zst(), c.zst())
        }
    };
    match err {
        Z_OK => {}
        Z_STREAM_ERROR => return Err(value_error("Inconsistent stream state")),
        Z_MEM_ERROR => {
            return Err(memory_error(&format!(
                "Can't allocate memory for {what} object"
            )))
        }
        _ => {
            return Err(zlib_error(
                c.zst(),
                err,
                &format!("while copying {what} object"),
            ))
        }
    }
    r.is_initialised.set(true);
    // SAFETY: the fields are read without running Python code.
    unsafe {
        *r.unused_data.get_mut() = c.unused_data.get_ref().clone();
        *r.unconsumed_tail.get_mut() = c.unconsumed_tail.get_ref().clone();
        *r.zdict.get_mut() = c.zdict.get_ref().clone();
    }
    r.eof.set(c.eof.get());
    Ok(retval)
}

/// `zlib.Compress.copy()`.
fn zlib_Compress_copy(obj: &PyObject) -> PyResult {
    comp_copy(obj, false)
}

/// `zlib.Compress.__deepcopy__(memo, /)`.
fn zlib_Compress___deepcopy__(obj: &PyObject, _memo: &PyObject) -> PyResult {
    comp_copy(obj, false)
}

/// `zlib.Decompress.copy()`.
fn zlib_Decompress_copy(obj: &PyObject) -> PyResult {
    comp_copy(obj, true)
}

/// `zlib.Decompress.__deepcopy__(memo, /)`.
fn zlib_Decompress___deepcopy__(obj: &PyObject, _memo: &PyObject) -> PyResult {
    comp_copy(obj, true)
}

/// `save_unconsumed_input`: after a decompression step, keep what zlib did not
/// read. Past the end of the stream it is added to `unused_data`. When the output
/// limit stopped zlib it becomes `unconsumed_tail`, which is also rewritten (and so
/// cleared once all the input was read) whenever it was not empty.
fn save_unconsumed_input(c: &compobject, data: &[u8], err: i32) {
    let zst = c.zst();
    // What zlib has not read of `data` (`next_in` points into it).
    let consumed = (zst.next_in as usize).wrapping_sub(data.as_ptr() as usize);
    let left = &data[consumed.min(data.len())..];
    if err == Z_STREAM_END && zst.avail_in > 0 {
        let mut unused = compobject::bytes_field(&c.unused_data);
        unused.extend_from_slice(left);
        compobject::set_field(&c.unused_data, PyBytes_FromVec(unused));
        zst.avail_in = 0;
    }
    if zst.avail_in > 0 || !compobject::bytes_field(&c.unconsumed_tail).is_empty() {
        compobject::set_field(&c.unconsumed_tail, PyBytes_FromSlice(left));
    }
}

/// `zlib.Decompress.decompress(data, /, max_length=0)`.
fn zlib_Decompress_decompress(
    obj: &PyObject,
    args: &[PyObjectRef],
    kwnames: Option<&PyObject>,
) -> PyResult {
    let a = unpack_keywords(
        &ArgSpec {
            fname: "decompress",
            names: &["", "max_length"],
            posonly: 1,
            maxpos: 2,
            minpos: 1,
            required_kwonly: &[],
        },
        args,
        kwnames,
    )?;
    let data = buffer_of(a[0].as_deref().expect("a required argument"))?;
    let max_length = a[1].as_deref().map_or(Ok(0), ssize_arg)?;
    let max_length = if max_length < 0 {
        return Err(value_error("max_length must be non-negative"));
    } else if max_length == 0 {
        None
    } else {
        Some(max_length as usize)
    };
    let c = as_comp(obj);
    // SAFETY: read without running Python code.
    let has_zdict = unsafe { c.zdict.get_ref() }.is_some();
    let zst = c.zst();
    let mut buffer = OutputBuffer::init_and_grow(max_length, zst)?;
    let mut ibuflen = data.len();
    zst.next_in = data.as_ptr();
    let mut err = Z_OK;
    'outer: loop {
        arrange_input_buffer(zst, &mut ibuflen);
        loop {
            if zst.avail_out == 0 {
                if Some(buffer.data_size(zst)) == max_length {
                    break 'outer;
                }
                buffer.grow(zst)?;
            }
            err = inflate(zst, Z_SYNC_FLUSH);
            match err {
                Z_OK | Z_BUF_ERROR | Z_STREAM_END => {}
                Z_NEED_DICT if has_zdict => {
                    if let Err(e) = set_inflate_zdict(c) {
                        zst.next_in = std::ptr::null();
                        return Err(e);
                    }
                }
                _ => break 'outer,
            }
            if zst.avail_out != 0 && err != Z_NEED_DICT {
                break;
            }
        }
        if err == Z_STREAM_END || ibuflen == 0 {
            break;
        }
    }
    save_unconsumed_input(c, &data, err);
    zst.next_in = std::ptr::null();
    if err == Z_STREAM_END {
        // The logical place to call inflateEnd, but CPython keeps the old behaviour
        // of calling it only from flush().
        c.eof.set(true);
    } else if err != Z_OK && err != Z_BUF_ERROR {
        // Z_BUF_ERROR only means the output buffer was full and zlib had no more.
        return Err(zlib_error(zst, err, "while decompressing data"));
    }
    Ok(buffer.finish(zst))
}

/// `zlib.Decompress.flush(length=zlib.DEF_BUF_SIZE, /)`.
fn zlib_Decompress_flush(
    obj: &PyObject,
    args: &[PyObjectRef],
    kwnames: Option<&PyObject>,
) -> PyResult {
    let a = unpack_keywords(
        &ArgSpec {
            fname: "flush",
            names: &[""],
            posonly: 1,
            maxpos: 1,
            minpos: 0,
            required_kwonly: &[],
        },
        args,
        kwnames,
    )?;
    let length = a[0].as_deref().map_or(Ok(DEF_BUF_SIZE), ssize_arg)?;
    if length <= 0 {
        return Err(value_error("length must be greater than zero"));
    }
    let c = as_comp(obj);
    // SAFETY: read without running Python code.
    let has_zdict = unsafe { c.zdict.get_ref() }.is_some();
    let data = compobject::bytes_field(&c.unconsumed_tail);
    let zst = c.zst();
    let mut buffer = OutputBuffer::init_with_size(length as usize, zst)?;
    let mut ibuflen = data.len();
    zst.next_in = data.as_ptr();
    let mut err;
    'outer: loop {
        arrange_input_buffer(zst, &mut ibuflen);
        let flush = if ibuflen == 0 { Z_FINISH } else { Z_NO_FLUSH };
        loop {
            if zst.avail_out == 0 {
                buffer.grow(zst)?;
            }
            err = inflate(zst, flush);
            match err {
                Z_OK | Z_BUF_ERROR | Z_STREAM_END => {}
                Z_NEED_DICT if has_zdict => {
                    if let Err(e) = set_inflate_zdict(c) {
                        zst.next_in = std::ptr::null();
                        return Err(e);
                    }
                }
                _ => break 'outer,
            }
            if zst.avail_out != 0 && err != Z_NEED_DICT {
                break;
            }
        }
        if err == Z_STREAM_END || ibuflen == 0 {
            break;
        }
    }
    save_unconsumed_input(c, &data, err);
    zst.next_in = std::ptr::null();
    // At the end of the stream, free zlib's memory.
    if err == Z_STREAM_END {
        c.eof.set(true);
        c.is_initialised.set(false);
        let err = inflateEnd(zst);
        if err != Z_OK {
            return Err(zlib_error(zst, err, "while finishing decompression"));
        }
    }
    Ok(buffer.finish(zst))
}

/// `zlib.adler32(data, value=1, /)`.
fn zlib_adler32(_m: &PyObject, args: &[PyObjectRef]) -> PyResult {
    checksum("adler32", args, 1, ffi::adler32)
}

/// `zlib.crc32(data, value=0, /)`.
fn zlib_crc32(_m: &PyObject, args: &[PyObjectRef]) -> PyResult {
    checksum("crc32", args, 0, ffi::crc32)
}

type ChecksumFn =
    unsafe extern "C" fn(std::ffi::c_ulong, *const u8, std::ffi::c_uint) -> std::ffi::c_ulong;

/// The shared body of `adler32` and `crc32`: the start value is taken modulo 2**32
/// (Argument Clinic's `unsigned_int(bitwise=True)`), the data fed in pieces of at
/// most `UINT_MAX` bytes.
fn checksum(name: &str, args: &[PyObjectRef], default: u32, f: ChecksumFn) -> PyResult {
    check_positional(name, args.len(), 1, 2)?;
    let data = buffer_of(&args[0])?;
    let mut value = match args.get(1) {
        Some(v) => {
            let i = PyNumber_Index(v)?;
            let masked: num_bigint::BigInt =
                long_to_bigint(&i) & num_bigint::BigInt::from(u32::MAX);
            u32::try_from(masked).unwrap_or(0)
        }
        None => default,
    };
    for chunk in data.chunks(u32::MAX as usize) {
        // SAFETY: `chunk` is alive for the call and its length fits.
        value = unsafe { f(value.into(), chunk.as_ptr(), chunk.len() as u32) } as u32;
    }
    Ok(PyLong_FromU64(u64::from(value)))
}

static comp_methods: [PyMethodDef; 5] = [
    PyMethodDef::new(
        "compress",
        PyCFunction::FastKw(zlib_Compress_compress),
        "compress($self, data, /)\n--\n\nReturns a bytes object containing compressed data.\n\n  data\n    Binary data to be compressed.\n\nAfter calling this function, some of the input data may still\nbe stored in internal buffers for later processing.\nCall the flush() method to clear these buffers.",
    ),
    PyMethodDef::new(
        "flush",
        PyCFunction::FastKw(zlib_Compress_flush),
        "flush($self, mode=zlib.Z_FINISH, /)\n--\n\nReturn a bytes object containing any remaining compressed data.\n\n  mode\n    One of the constants Z_SYNC_FLUSH, Z_FULL_FLUSH, Z_FINISH.\n    If mode == Z_FINISH, the compressor object can no longer be\n    used after calling the flush() method.  Otherwise, more data\n    can still be compressed.",
    ),
    PyMethodDef::new(
        "copy",
        PyCFunction::NoArgs(zlib_Compress_copy),
        "copy($self, /)\n--\n\nReturn a copy of the compression object.",
    ),
    PyMethodDef::new(
        "__copy__",
        PyCFunction::NoArgs(zlib_Compress_copy),
        "__copy__($self, /)\n--\n\n",
    ),
    PyMethodDef::new(
        "__deepcopy__",
        PyCFunction::O(zlib_Compress___deepcopy__),
        "__deepcopy__($self, memo, /)\n--\n\n",
    ),
];

static Decomp_methods: [PyMethodDef; 5] = [
    PyMethodDef::new(
        "decompress",
        PyCFunction::FastKw(zlib_Decompress_decompress),
        "decompress($self, data, /, max_length=0)\n--\n\nReturn a bytes object containing the decompressed version of the data.\n\n  data\n    The binary data to decompress.\n  max_length\n    The maximum allowable length of the decompressed data.\n    Unconsumed input data will be stored in\n    the unconsumed_tail attribute.\n\nAfter calling this function, some of the input data may still be stored in\ninternal buffers for later processing.\nCall the flush() method to clear these buffers.",
    ),
    PyMethodDef::new(
        "flush",
        PyCFunction::FastKw(zlib_Decompress_flush),
        "flush($self, length=zlib.DEF_BUF_SIZE, /)\n--\n\nReturn a bytes object containing any remaining decompressed data.\n\n  length\n    the initial size of the output buffer.",
    ),
    PyMethodDef::new(
        "copy",
        PyCFunction::NoArgs(zlib_Decompress_copy),
        "copy($self, /)\n--\n\nReturn a copy of the decompression object.",
    ),
    PyMethodDef::new(
        "__copy__",
        PyCFunction::NoArgs(zlib_Decompress_copy),
        "__copy__($self, /)\n--\n\n",
    ),
    PyMethodDef::new(
        "__deepcopy__",
        PyCFunction::O(zlib_Decompress___deepcopy__),
        "__deepcopy__($self, memo, /)\n--\n\n",
    ),
];

static Decomp_members: [PyMemberDef; 3] = [
    PyMemberDef::new(
        "unused_data",
        MemberType::Object,
        offset_of!(compobject, unused_data),
        READONLY,
    ),
    PyMemberDef::new(
        "unconsumed_tail",
        MemberType::Object,
        offset_of!(compobject, unconsumed_tail),
        READONLY,
    ),
    PyMemberDef::new(
        "eof",
        MemberType::Bool,
        offset_of!(compobject, eof),
        READONLY,
    ),
];

pub static Comptype: PyTypeObject = PyTypeObject {
    ob_base: PyObject::new_static(&PyType_Type),
    tp_name: "zlib.Compress",
    tp_basicsize: Cell::new(size_of::<compobject>()),
    tp_dealloc: slot(Comp_dealloc),
    tp_flags: Cell::new(Py_TPFLAGS_DISALLOW_INSTANTIATION),
    tp_methods: &comp_methods,
    ..PyTypeObject::DEFAULT
};

pub static Decomptype: PyTypeObject = PyTypeObject {
    ob_base: PyObject::new_static(&PyType_Type),
    tp_name: "zlib.Decompress",
    tp_basicsize: Cell::new(size_of::<compobject>()),
    tp_dealloc: slot(Decomp_dealloc),
    tp_flags: Cell::new(Py_TPFLAGS_DISALLOW_INSTANTIATION),
    tp_methods: &Decomp_methods,
    tp_members: &Decomp_members,
    ..PyTypeObject::DEFAULT
};

static zlib_methods: [PyMethodDef; 6] = [
    PyMethodDef::new(
        "adler32",
        PyCFunction::Fast(zlib_adler32),
        "adler32($module, data, value=1, /)\n--\n\nCompute an Adler-32 checksum of data.\n\n  value\n    Starting value of the checksum.\n\nThe returned checksum is an integer.",
    ),
    PyMethodDef::new(
        "compress",
        PyCFunction::FastKw(zlib_compress),
        "compress($module, data, /, level=Z_DEFAULT_COMPRESSION, wbits=MAX_WBITS)\n--\n\nReturns a bytes object containing compressed data.\n\n  data\n    Binary data to be compressed.\n  level\n    Compression level, in 0-9 or -1.\n  wbits\n    The window buffer size and container format.",
    ),
    PyMethodDef::new(
        "compressobj",
        PyCFunction::FastKw(zlib_compressobj),
        "compressobj($module, /, level=Z_DEFAULT_COMPRESSION, method=DEFLATED,\n            wbits=MAX_WBITS, memLevel=DEF_MEM_LEVEL,\n            strategy=Z_DEFAULT_STRATEGY, zdict=None)\n--\n\nReturn a compressor object.\n\n  level\n    The compression level (an integer in the range 0-9 or -1; default is\n    currently equivalent to 6).  Higher compression levels are slower,\n    but produce smaller results.\n  method\n    The compression algorithm.  If given, this must be DEFLATED.\n  wbits\n    +9 to +15: The base-two logarithm of the window size.  Include a zlib\n        container.\n    -9 to -15: Generate a raw stream.\n    +25 to +31: Include a gzip container.\n  memLevel\n    Controls the amount of memory used for internal compression state.\n    Valid values range from 1 to 9.  Higher values result in higher memory\n    usage, faster compression, and smaller output.\n  strategy\n    Used to tune the compression algorithm.  Possible values are\n    Z_DEFAULT_STRATEGY, Z_FILTERED, and Z_HUFFMAN_ONLY.\n  zdict\n    The predefined compression dictionary - a sequence of bytes\n    containing subsequences that are likely to occur in the input data.",
    ),
    PyMethodDef::new(
        "crc32",
        PyCFunction::Fast(zlib_crc32),
        "crc32($module, data, value=0, /)\n--\n\nCompute a CRC-32 checksum of data.\n\n  value\n    Starting value of the checksum.\n\nThe returned checksum is an integer.",
    ),
    PyMethodDef::new(
        "decompress",
        PyCFunction::FastKw(zlib_decompress),
        "decompress($module, data, /, wbits=MAX_WBITS, bufsize=DEF_BUF_SIZE)\n--\n\nReturns a bytes object containing the uncompressed data.\n\n  data\n    Compressed data.\n  wbits\n    The window buffer size and container format.\n  bufsize\n    The initial output buffer size.",
    ),
    PyMethodDef::new(
        "decompressobj",
        PyCFunction::FastKw(zlib_decompressobj),
        "decompressobj($module, /, wbits=MAX_WBITS, zdict=b'')\n--\n\nReturn a decompressor object.\n\n  wbits\n    The window buffer size and container format.\n  zdict\n    The predefined compression dictionary.  This must be the same\n    dictionary as used by the compressor that produced the input data.",
    ),
];

const zlib_module_documentation: &str = "The functions in this module allow compression and decompression using the\nzlib library, which is based on GNU zip.\n\nadler32(string[, start]) -- Compute an Adler-32 checksum.\ncompress(data[, level]) -- Compress data, with compression level 0-9 or -1.\ncompressobj([level[, ...]]) -- Return a compressor object.\ncrc32(string[, start]) -- Compute a CRC-32 checksum.\ndecompress(string,[wbits],[bufsize]) -- Decompresses a compressed string.\ndecompressobj([wbits[, zdict]]) -- Return a decompressor object.\n\n'wbits' is window buffer size and container format.\nCompressor objects support compress() and flush() methods; decompressor\nobjects support decompress() and flush().";

/// Make the `zlib` module (`zlib_exec`).
pub fn PyInit_zlib() -> PyResult<PyRef<PyModuleObject>> {
    PyType_Ready(&Comptype)?;
    PyType_Ready(&Decomptype)?;
    let m = PyModule_New("zlib")?;
    PyModule_AddObject(
        &m,
        "__doc__",
        &PyUnicode_FromString(zlib_module_documentation),
    )?;
    PyModule_AddFunctions(&m, &zlib_methods)?;
    PyModule_AddObject(&m, "error", zlib_error_type()?.as_object())?;
    for (name, value) in [
        ("MAX_WBITS", MAX_WBITS),
        ("DEFLATED", DEFLATED),
        ("DEF_MEM_LEVEL", DEF_MEM_LEVEL),
        ("DEF_BUF_SIZE", DEF_BUF_SIZE as i32),
        // compression levels
        ("Z_NO_COMPRESSION", Z_NO_COMPRESSION),
        ("Z_BEST_SPEED", Z_BEST_SPEED),
        ("Z_BEST_COMPRESSION", Z_BEST_COMPRESSION),
        ("Z_DEFAULT_COMPRESSION", Z_DEFAULT_COMPRESSION),
        // compression strategies
        ("Z_FILTERED", Z_FILTERED),
        ("Z_HUFFMAN_ONLY", Z_HUFFMAN_ONLY),
        ("Z_RLE", Z_RLE),
        ("Z_FIXED", Z_FIXED),
        ("Z_DEFAULT_STRATEGY", Z_DEFAULT_STRATEGY),
        // allowed flush values
        ("Z_NO_FLUSH", Z_NO_FLUSH),
        ("Z_PARTIAL_FLUSH", Z_PARTIAL_FLUSH),
        ("Z_SYNC_FLUSH", Z_SYNC_FLUSH),
        ("Z_FULL_FLUSH", Z_FULL_FLUSH),
        ("Z_FINISH", Z_FINISH),
        ("Z_BLOCK", Z_BLOCK),
        ("Z_TREES", Z_TREES),
    ] {
        PyModule_AddObject(&m, name, &PyLong_FromLong(i64::from(value)))?;
    }
    // SAFETY: zlibVersion returns a static NUL-terminated string.
    let version = unsafe { CStr::from_ptr(ffi::zlibVersion()) }
        .to_string_lossy()
        .into_owned();
    PyModule_AddObject(&m, "ZLIB_VERSION", &PyUnicode_FromString(&version))?;
    PyModule_AddObject(&m, "ZLIB_RUNTIME_VERSION", &PyUnicode_FromString(&version))?;
    PyModule_AddObject(&m, "__version__", &PyUnicode_FromString("1.0"))?;
    Ok(m)
}
