//! The `faulthandler` module: dump the Python traceback on a fatal signal or on
//! request. Mirrors Modules/faulthandler.c (CPython 3.11), with the frame dumping of
//! Python/traceback.c (`_Py_DumpTraceback`, `_Py_DumpTracebackThreads`,
//! `_Py_DumpASCII`, `_Py_DumpDecimal`, `_Py_DumpHexadecimal`).
//!
//! Everything that may run inside a signal handler writes with `write(2)` only and
//! never allocates: strings are read code point by code point, numbers are formatted
//! into stack buffers, and the line number is found by walking the code object's
//! location table in place (`PyCode_Addr2Line` in objects/src/codeobject.rs builds
//! a `Vec`, so it is not used here).
//!
//! Differences from CPython:
//! - pyrs runs Python code on one thread, so "all threads" lists the one thread
//!   state there is, as CPython does for a single-threaded program.
//! - `dump_traceback_later`, `cancel_dump_traceback_later`, `register` and
//!   `unregister` are left out: their watchdog thread and user-signal handler read
//!   the frames of the running eval loop from another thread or at any instruction,
//!   and pyrs's frames are not laid out for that (FIXME(pyrs)).
//! - Of the test helpers, `_read_null` (a load from address 0, undefined behaviour
//!   in Rust), `_stack_overflow` and `_fatal_error_c_thread` are left out.
//! - `_Py_DumpExtensionModules` (the "Extension modules: ..." line) writes nothing:
//!   every native module of pyrs is part of the standard library.
//! - Rust's runtime installs its own SIGSEGV and SIGBUS handlers (stack-overflow
//!   detection) before `main`; they are the "previous" handlers `enable()` saves and
//!   the fatal handler restores, as CPython restores whatever was installed. Rust's
//!   handler ignores a SIGSEGV that is not a guard-page hit after setting SIG_DFL,
//!   so a SIGSEGV sent with `kill()`/`raise()` (`_sigsegv()`) is reported and then
//!   survived once, where CPython (whose previous handler is SIG_DFL) dies. A real
//!   fault re-executes the faulting instruction and dies as in CPython.

use std::sync::atomic::{AtomicBool, AtomicI32, Ordering};

use include::frame::_PyInterpreterFrame;
use include::methodobject::{PyCFunction, PyMethodDef};
use include::object::GlobalCell;

use objects::bytesobject::PyBytesObject;
use objects::getargs::{unpack_keywords, ArgSpec};
use objects::longobject::{PyLongObject, PyLong_AsLong};
use objects::moduleobject::{
    PyModuleObject, PyModule_AddFunctions, PyModule_AddObject, PyModule_New,
};
use objects::object::{none, Py_None};
use objects::prelude::*;
use objects::unicodeobject::{PyUnicodeObject, PyUnicode_FromString};

/// `MAX_STRING_LENGTH` (Python/traceback.c): longer strings are cut with "...".
const MAX_STRING_LENGTH: usize = 500;
/// `MAX_FRAME_DEPTH` (Python/traceback.c).
const MAX_FRAME_DEPTH: u32 = 100;

// --- async-signal-safe writing (Python/traceback.c) -----------------------------------

/// `_Py_write_noraise`: write all of `buf` to `fd`, retrying on EINTR, ignoring
/// errors.
fn write_noraise(fd: i32, mut buf: &[u8]) {
    while !buf.is_empty() {
        // SAFETY: `buf` is a valid readable slice; write(2) is async-signal-safe.
        let n = unsafe { libc::write(fd, buf.as_ptr().cast(), buf.len()) };
        if n < 0 {
            // SAFETY: reading errno is async-signal-safe.
            if unsafe { *libc::__errno_location() } == libc::EINTR {
                continue;
            }
            return;
        }
        if n == 0 {
            return;
        }
        buf = &buf[n as usize..];
    }
}

/// `PUTS(fd, str)`.
fn puts(fd: i32, s: &str) {
    write_noraise(fd, s.as_bytes());
}

/// `_Py_DumpDecimal`.
fn dump_decimal(fd: i32, mut value: usize) {
    let mut buffer = [0u8; 24];
    let mut i = buffer.len();
    loop {
        i -= 1;
        buffer[i] = b'0' + (value % 10) as u8;
        value /= 10;
        if value == 0 {
            break;
        }
    }
    write_noraise(fd, &buffer[i..]);
}

/// `_Py_DumpHexadecimal`: `value` in lower-case hex, zero-padded to `width` digits.
fn dump_hexadecimal(fd: i32, mut value: u64, width: usize) {
    let mut buffer = [0u8; 20];
    let mut i = buffer.len();
    let mut written = 0;
    while value != 0 || written < width.min(16) {
        i -= 1;
        buffer[i] = b"0123456789abcdef"[(value & 15) as usize];
        value >>= 4;
        written += 1;
    }
    puts(fd, "0x");
    write_noraise(fd, &buffer[i..]);
}

/// `_Py_DumpASCII`: the string with non-printable and non-ASCII code points escaped
/// (`\xHH`, `\uHHHH`, `\UHHHHHHHH`), cut after `MAX_STRING_LENGTH` code points.
fn dump_ascii(fd: i32, text: &PyObject) {
    let Some(u) = text.downcast_ref::<PyUnicodeObject>() else {
        puts(fd, "<not a string>");
        return;
    };
    let size = u.len();
    let truncated = size > MAX_STRING_LENGTH;
    let n = size.min(MAX_STRING_LENGTH);
    for i in 0..n {
        let ch = u.char_at(i);
        if (b' ' as u32..0x7f).contains(&ch) {
            write_noraise(fd, &[ch as u8]);
        } else {
            let (prefix, width) = if ch <= 0xff {
                (b'x', 2)
            } else if ch <= 0xffff {
                (b'u', 4)
            } else {
                (b'U', 8)
            };
            let mut buf = [b'\\', prefix, 0, 0, 0, 0, 0, 0, 0, 0];
            for k in 0..width {
                let shift = 4 * (width - 1 - k);
                buf[2 + k] = b"0123456789abcdef"[((ch >> shift) & 15) as usize];
            }
            write_noraise(fd, &buf[..2 + width]);
        }
    }
    if truncated {
        puts(fd, "...");
    }
}

/// `PyCode_Addr2Line` without allocating: walk the location table (PEP 657 format)
/// to the entry holding byte offset `addrq`.
fn addr2line(co: &include::code::PyCodeObject, addrq: i32) -> i32 {
    if addrq < 0 {
        return co.co_firstlineno;
    }
    let table = match co.co_linetable.downcast_ref::<PyBytesObject>() {
        Some(b) => b.as_bytes(),
        None => return -1,
    };
    let unit = (addrq / 2) as usize;
    let mut pos = 0usize;
    let mut byte = |pos: &mut usize| {
        let b = table.get(*pos).copied().unwrap_or(0);
        *pos += 1;
        b
    };
    let varint = |pos: &mut usize, byte: &mut dyn FnMut(&mut usize) -> u8| {
        let mut b = byte(pos) as u32;
        let mut val = b & 63;
        let mut shift = 0;
        while b & 64 != 0 && shift < 30 {
            b = byte(pos) as u32;
            shift += 6;
            val |= (b & 63) << shift;
        }
        val
    };
    let mut line = co.co_firstlineno;
    let mut addr = 0usize;
    while pos < table.len() {
        let first = byte(&mut pos);
        if first & 0x80 == 0 {
            break;
        }
        let code = (first >> 3) & 15;
        let length = ((first & 7) + 1) as usize;
        let entry_line = match code {
            15 => -1,
            14 | 13 => {
                let u = varint(&mut pos, &mut byte);
                line += if u & 1 != 0 {
                    -((u >> 1) as i32)
                } else {
                    (u >> 1) as i32
                };
                if code == 14 {
                    varint(&mut pos, &mut byte);
                    varint(&mut pos, &mut byte);
                    varint(&mut pos, &mut byte);
                }
                line
            }
            10..=12 => {
                line += (code - 10) as i32;
                pos += 2;
                line
            }
            _ => {
                pos += 1;
                line
            }
        };
        if addr <= unit && unit < addr + length {
            return entry_line;
        }
        addr += length;
    }
    -1
}

/// `dump_frame` (Python/traceback.c): `  File "<file>", line <n> in <name>`.
///
/// # Safety
/// `frame` must be a live frame of the current thread.
unsafe fn dump_frame(fd: i32, frame: *const _PyInterpreterFrame) {
    // SAFETY: the caller guarantees the frame is live.
    let frame = unsafe { &*frame };
    let code = &*frame.f_code;
    puts(fd, "  File ");
    if code.co_filename.downcast_ref::<PyUnicodeObject>().is_some() {
        puts(fd, "\"");
        dump_ascii(fd, &code.co_filename);
        puts(fd, "\"");
    } else {
        puts(fd, "???");
    }
    // `_PyInterpreterFrame_GetLine`: the line of the byte offset of `prev_instr`.
    let lineno = addr2line(code, (frame.lasti() * 2) as i32);
    puts(fd, ", line ");
    if lineno >= 0 {
        dump_decimal(fd, lineno as usize);
    } else {
        puts(fd, "???");
    }
    puts(fd, " in ");
    if code.co_name.downcast_ref::<PyUnicodeObject>().is_some() {
        dump_ascii(fd, &code.co_name);
    } else {
        puts(fd, "???");
    }
    puts(fd, "\n");
}

/// `dump_traceback` (Python/traceback.c): the frames of the thread, innermost first.
fn dump_traceback(fd: i32, write_header: bool) {
    if write_header {
        puts(fd, "Stack (most recent call first):\n");
    }
    let mut frame = include::pystate::_PyThreadState_GET().current_frame.get();
    if frame.is_null() {
        puts(fd, "  <no Python frame>\n");
        return;
    }
    let mut depth = 0;
    loop {
        if MAX_FRAME_DEPTH <= depth {
            puts(fd, "  ...\n");
            break;
        }
        // SAFETY: the frame chain of the current thread is live while it runs.
        unsafe {
            dump_frame(fd, frame);
            frame = (*frame).previous;
        }
        if frame.is_null() {
            break;
        }
        depth += 1;
    }
}

/// `_Py_DumpTraceback`.
fn _Py_DumpTraceback(fd: i32) {
    dump_traceback(fd, true);
}

/// `write_thread_id` (Python/traceback.c).
fn write_thread_id(fd: i32, is_current: bool) {
    if is_current {
        puts(fd, "Current thread ");
    } else {
        puts(fd, "Thread ");
    }
    // SAFETY: pthread_self is async-signal-safe and has no preconditions.
    let id = unsafe { libc::pthread_self() } as u64;
    dump_hexadecimal(fd, id, std::mem::size_of::<libc::c_ulong>() * 2);
    puts(fd, " (most recent call first):\n");
}

/// `_Py_DumpTracebackThreads`: every thread state (pyrs has one), the current one
/// marked; "Garbage-collecting" while the collector runs.
fn _Py_DumpTracebackThreads(fd: i32) {
    write_thread_id(fd, true);
    if include::gc::gc_state().collecting.get() {
        puts(fd, "  Garbage-collecting\n");
    }
    dump_traceback(fd, false);
}

// --- fatal signal handlers -------------------------------------------------------------

/// `fault_handler_t`: a signal, its name in the message, and the handler it had
/// before `enable()`.
struct FaultHandler {
    signum: i32,
    name: &'static str,
}

/// `faulthandler_handlers`.
static FAULTHANDLER_HANDLERS: [FaultHandler; 5] = [
    FaultHandler {
        signum: libc::SIGBUS,
        name: "Bus error",
    },
    FaultHandler {
        signum: libc::SIGILL,
        name: "Illegal instruction",
    },
    FaultHandler {
        signum: libc::SIGFPE,
        name: "Floating point exception",
    },
    FaultHandler {
        signum: libc::SIGABRT,
        name: "Aborted",
    },
    // Define SIGSEGV at the end to make it the default choice if searching the
    // handler fails in faulthandler_fatal_error().
    FaultHandler {
        signum: libc::SIGSEGV,
        name: "Segmentation fault",
    },
];

/// `fatal_error.enabled`, `.fd` and `.all_threads`: read by the signal handler, so
/// atomics.
static ENABLED: AtomicBool = AtomicBool::new(false);
static FATAL_FD: AtomicI32 = AtomicI32::new(2);
static ALL_THREADS: AtomicBool = AtomicBool::new(true);
/// `fatal_error.file`: kept alive so its file descriptor stays open.
static FATAL_FILE: GlobalCell<Option<PyObjectRef>> = GlobalCell::new(None);
/// `handler->previous` of each entry of `FAULTHANDLER_HANDLERS`.
static PREVIOUS: GlobalCell<[Option<libc::sigaction>; 5]> = GlobalCell::new([None; 5]);
/// The alternate stack the handlers run on (`stack`), so a stack overflow can still
/// be reported; allocated once, never freed.
static STACK_ALLOCATED: AtomicBool = AtomicBool::new(false);

/// `faulthandler_disable_fatal_handler`: put back the handler saved by `enable()`.
fn faulthandler_disable_fatal_handler(i: usize) {
    // SAFETY: `PREVIOUS` is only written by `enable()`/`disable()` on the Python
    // thread, never while a fatal handler is being dispatched on it.
    let prev = unsafe { PREVIOUS.get_mut() };
    if let Some(act) = prev[i].take() {
        // SAFETY: `act` is the sigaction the kernel gave us; sigaction is
        // async-signal-safe.
        unsafe { libc::sigaction(FAULTHANDLER_HANDLERS[i].signum, &act, std::ptr::null_mut()) };
    }
}

/// `faulthandler_dump_traceback`: the traceback for the fatal handler, never
/// re-entered.
fn faulthandler_dump_traceback(fd: i32, all_threads: bool) {
    static REENTRANT: AtomicBool = AtomicBool::new(false);
    if REENTRANT.swap(true, Ordering::SeqCst) {
        return;
    }
    if all_threads {
        _Py_DumpTracebackThreads(fd);
    } else {
        _Py_DumpTraceback(fd);
    }
    REENTRANT.store(false, Ordering::SeqCst);
}

/// `faulthandler_fatal_error`: the handler of SIGSEGV, SIGFPE, SIGABRT, SIGBUS and
/// SIGILL. Writes "Fatal Python error: <name>" and the traceback, then restores the
/// previous handler and raises the signal again, which calls it at once (the handler
/// was installed with `SA_NODEFER`).
extern "C" fn faulthandler_fatal_error(signum: libc::c_int) {
    let fd = FATAL_FD.load(Ordering::SeqCst);
    // SAFETY: reading errno is async-signal-safe.
    let save_errno = unsafe { *libc::__errno_location() };
    if !ENABLED.load(Ordering::SeqCst) {
        return;
    }
    let found = FAULTHANDLER_HANDLERS
        .iter()
        .position(|h| h.signum == signum);
    // The last entry (SIGSEGV) is the default, as in CPython.
    let i = found.unwrap_or(FAULTHANDLER_HANDLERS.len() - 1);
    faulthandler_disable_fatal_handler(i);
    if found.is_some() {
        puts(fd, "Fatal Python error: ");
        puts(fd, FAULTHANDLER_HANDLERS[i].name);
        puts(fd, "\n\n");
    } else {
        puts(fd, "Fatal Python error from unexpected signum: ");
        dump_decimal(fd, signum as usize);
        puts(fd, "\n\n");
    }
    faulthandler_dump_traceback(fd, ALL_THREADS.load(Ordering::SeqCst));
    // SAFETY: writing errno is async-signal-safe.
    unsafe { *libc::__errno_location() = save_errno };
    // SAFETY: raise is async-signal-safe; the previous handler is in place.
    unsafe { libc::raise(signum) };
}

/// `faulthandler_allocate_stack`: an alternate signal stack, so that the handler
/// can run after a stack overflow.
fn faulthandler_allocate_stack() -> PyResult<()> {
    if STACK_ALLOCATED.load(Ordering::SeqCst) {
        return Ok(());
    }
    // CPython: SIGSTKSZ * 2; at least 64 KiB here, as Rust's own handlers need room.
    let size = (libc::SIGSTKSZ * 2).max(64 * 1024);
    let mem = vec![0u8; size].into_boxed_slice();
    let stack = libc::stack_t {
        ss_sp: Box::leak(mem).as_mut_ptr().cast(),
        ss_flags: 0,
        ss_size: size,
    };
    // SAFETY: `stack` describes leaked memory that lives for the whole process.
    if unsafe { libc::sigaltstack(&stack, std::ptr::null_mut()) } != 0 {
        return Err(objects::pyerrors::PyErr_SetFromErrno(
            std::io::Error::last_os_error().raw_os_error().unwrap_or(0),
        ));
    }
    STACK_ALLOCATED.store(true, Ordering::SeqCst);
    Ok(())
}

/// `faulthandler_enable`: install the fatal handlers (once).
fn faulthandler_enable() -> PyResult<()> {
    if ENABLED.load(Ordering::SeqCst) {
        return Ok(());
    }
    faulthandler_allocate_stack()?;
    ENABLED.store(true, Ordering::SeqCst);
    for (i, h) in FAULTHANDLER_HANDLERS.iter().enumerate() {
        // SAFETY: an all-zero sigaction is a valid value to fill in.
        let mut action: libc::sigaction = unsafe { std::mem::zeroed() };
        action.sa_sigaction = faulthandler_fatal_error as *const () as usize;
        // SAFETY: `sa_mask` is a valid sigset_t to empty.
        unsafe { libc::sigemptyset(&mut action.sa_mask) };
        // Do not prevent the signal from being received from within its own handler:
        // the previous handler is called at once when the signal is raised again.
        action.sa_flags = libc::SA_NODEFER | libc::SA_ONSTACK;
        // SAFETY: as above.
        let mut previous: libc::sigaction = unsafe { std::mem::zeroed() };
        // SAFETY: both pointers are to valid sigaction values.
        if unsafe { libc::sigaction(h.signum, &action, &mut previous) } != 0 {
            let err = objects::pyerrors::PyErr_SetFromErrno(
                std::io::Error::last_os_error().raw_os_error().unwrap_or(0),
            );
            faulthandler_disable();
            return Err(err);
        }
        // SAFETY: only touched on the Python thread (see
        // `faulthandler_disable_fatal_handler`).
        unsafe { PREVIOUS.get_mut()[i] = Some(previous) };
    }
    Ok(())
}

/// `faulthandler_disable`: put back the handlers saved by `faulthandler_enable`.
fn faulthandler_disable() {
    if ENABLED.swap(false, Ordering::SeqCst) {
        for i in 0..FAULTHANDLER_HANDLERS.len() {
            faulthandler_disable_fatal_handler(i);
        }
    }
}

// --- the module's functions ------------------------------------------------------------

/// `faulthandler_get_fileno`: the file descriptor of `file` (an int, or an object
/// with `fileno()`, flushed first; `None` or absent means `sys.stderr`), and the
/// object to keep alive.
fn faulthandler_get_fileno(file: Option<&PyObject>) -> PyResult<(i32, Option<PyObjectRef>)> {
    let file: PyObjectRef = match file {
        None => get_stderr()?,
        Some(f) if f.is(Py_None()) => get_stderr()?,
        Some(f) if f.downcast_ref::<PyLongObject>().is_some() => {
            let fd = objects::listobject::int_converter(f)?;
            if fd < 0 {
                return Err(value_error("file is not a valid file descripter"));
            }
            return Ok((fd, None));
        }
        Some(f) => f.to_owned(),
    };
    let result = objects::call::PyObject_CallMethodNoArgs(&file, objects::intern!("fileno"))?;
    let mut fd = -1;
    if result.downcast_ref::<PyLongObject>().is_some() {
        if let Ok(v) = PyLong_AsLong(&result) {
            if (0..i32::MAX as i64).contains(&v) {
                fd = v as i32;
            }
        }
    }
    if fd == -1 {
        return Err(runtime_error(
            "file.fileno() is not a valid file descriptor",
        ));
    }
    // Ignore flush() errors.
    let _ = objects::call::PyObject_CallMethodNoArgs(&file, objects::intern!("flush"));
    Ok((fd, Some(file)))
}

/// `sys.stderr`, or the errors `faulthandler_get_fileno` raises without it.
fn get_stderr() -> PyResult<PyObjectRef> {
    match python::sysmodule::PySys_GetObject("stderr") {
        None => Err(runtime_error("unable to get sys.stderr")),
        Some(f) if f.is(Py_None()) => Err(runtime_error("sys.stderr is None")),
        Some(f) => Ok(f),
    }
}

/// The `file` and `all_threads` arguments of `enable()` and `dump_traceback()`
/// (`"|Oi"`).
fn parse_file_all_threads(
    fname: &str,
    args: &[PyObjectRef],
    kwnames: Option<&PyObject>,
) -> PyResult<(Option<PyObjectRef>, bool)> {
    let spec = ArgSpec {
        fname,
        names: &["file", "all_threads"],
        posonly: 0,
        maxpos: 2,
        minpos: 0,
        required_kwonly: &[],
    };
    let a = unpack_keywords(&spec, args, kwnames)?;
    let all_threads = match &a[1] {
        Some(v) => objects::listobject::int_converter(v)? != 0,
        None => true,
    };
    Ok((a[0].clone(), all_threads))
}

/// `faulthandler.dump_traceback(file=sys.stderr, all_threads=True)`.
fn faulthandler_dump_traceback_py(
    _m: &PyObject,
    args: &[PyObjectRef],
    kwnames: Option<&PyObject>,
) -> PyResult {
    let (file, all_threads) = parse_file_all_threads("dump_traceback", args, kwnames)?;
    let (fd, _file) = faulthandler_get_fileno(file.as_deref())?;
    if all_threads {
        _Py_DumpTracebackThreads(fd);
    } else {
        _Py_DumpTraceback(fd);
    }
    python::signals::check_signals()?;
    Ok(none())
}

/// `faulthandler.enable(file=sys.stderr, all_threads=True)`.
fn faulthandler_py_enable(
    _m: &PyObject,
    args: &[PyObjectRef],
    kwnames: Option<&PyObject>,
) -> PyResult {
    let (file, all_threads) = parse_file_all_threads("enable", args, kwnames)?;
    let (fd, file) = faulthandler_get_fileno(file.as_deref())?;
    // SAFETY: only the Python thread touches `FATAL_FILE`; the old file is released
    // after the new one is stored.
    let old = std::mem::replace(unsafe { FATAL_FILE.get_mut() }, file);
    drop(old);
    FATAL_FD.store(fd, Ordering::SeqCst);
    ALL_THREADS.store(all_threads, Ordering::SeqCst);
    faulthandler_enable()?;
    Ok(none())
}

/// `faulthandler.disable()`: returns whether it was enabled.
fn faulthandler_disable_py(_m: &PyObject) -> PyResult {
    let was = ENABLED.load(Ordering::SeqCst);
    faulthandler_disable();
    // SAFETY: as in `faulthandler_py_enable`.
    let old = unsafe { FATAL_FILE.get_mut() }.take();
    drop(old);
    Ok(objects::boolobject::PyBool_FromLong(was))
}

/// `faulthandler.is_enabled()`.
fn faulthandler_is_enabled(_m: &PyObject) -> PyResult {
    Ok(objects::boolobject::PyBool_FromLong(
        ENABLED.load(Ordering::SeqCst),
    ))
}

/// `_PyFaulthandler_Init(enable)`: `-X faulthandler` and `PYTHONFAULTHANDLER`
/// enable the handlers at start-up, writing to `sys.stderr`.
pub fn _PyFaulthandler_Init(enable: bool) -> PyResult<()> {
    if !enable {
        return Ok(());
    }
    let (fd, file) = faulthandler_get_fileno(None)?;
    // SAFETY: as in `faulthandler_py_enable`.
    unsafe { *FATAL_FILE.get_mut() = file };
    FATAL_FD.store(fd, Ordering::SeqCst);
    ALL_THREADS.store(true, Ordering::SeqCst);
    faulthandler_enable()
}

// --- test helpers --------------------------------------------------------------------

/// `faulthandler_suppress_crash_report`: no core dump for the crashes the helpers
/// below cause on purpose.
fn faulthandler_suppress_crash_report() {
    // SAFETY: an all-zero rlimit is valid; getrlimit fills it in.
    let mut rl: libc::rlimit = unsafe { std::mem::zeroed() };
    // SAFETY: `rl` is a valid rlimit to read into and write from.
    unsafe {
        if libc::getrlimit(libc::RLIMIT_CORE, &mut rl) == 0 {
            rl.rlim_cur = 0;
            libc::setrlimit(libc::RLIMIT_CORE, &rl);
        }
    }
}

/// `faulthandler._sigsegv(release_gil=False)`: raise SIGSEGV (`faulthandler_raise_sigsegv`).
/// pyrs has no GIL to release, so `release_gil` only has to be an int.
fn faulthandler_sigsegv(
    _m: &PyObject,
    args: &[PyObjectRef],
    kwnames: Option<&PyObject>,
) -> PyResult {
    // A `METH_VARARGS` function: its messages name it without the module.
    if !objects::call::kwnames_slice(kwnames).is_empty() {
        return Err(type_error("_sigsegv() takes no keyword arguments"));
    }
    // `PyArg_ParseTuple(args, "|i:_sigsegv", ...)`.
    if args.len() > 1 {
        return Err(type_error(format!(
            "_sigsegv() takes at most 1 argument ({} given)",
            args.len()
        )));
    }
    if let Some(a) = args.first() {
        objects::listobject::int_converter(a)?;
    }
    faulthandler_suppress_crash_report();
    // SAFETY: raise has no preconditions.
    unsafe { libc::raise(libc::SIGSEGV) };
    Ok(none())
}

/// `faulthandler._sigabrt()`: `abort()`.
fn faulthandler_sigabrt(_m: &PyObject) -> PyResult {
    faulthandler_suppress_crash_report();
    std::process::abort()
}

/// `faulthandler._sigfpe()`: raise SIGFPE; CPython reaches `Py_UNREACHABLE` if the
/// process survives it, which aborts.
fn faulthandler_sigfpe(_m: &PyObject) -> PyResult {
    faulthandler_suppress_crash_report();
    // SAFETY: raise has no preconditions.
    unsafe { libc::raise(libc::SIGFPE) };
    std::process::abort()
}

const MODULE_DOC: &str = "faulthandler module.";

static MODULE_METHODS: [PyMethodDef; 7] = [
    PyMethodDef::new(
        "enable",
        PyCFunction::FastKw(faulthandler_py_enable),
        "enable(file=sys.stderr, all_threads=True): enable the fault handler",
    ),
    PyMethodDef::new(
        "disable",
        PyCFunction::NoArgs(faulthandler_disable_py),
        "disable(): disable the fault handler",
    ),
    PyMethodDef::new(
        "is_enabled",
        PyCFunction::NoArgs(faulthandler_is_enabled),
        "is_enabled()->bool: check if the handler is enabled",
    ),
    PyMethodDef::new(
        "dump_traceback",
        PyCFunction::FastKw(faulthandler_dump_traceback_py),
        "dump_traceback(file=sys.stderr, all_threads=True): dump the traceback of the current thread, or of all threads if all_threads is True, into file",
    ),
    PyMethodDef::new(
        "_sigsegv",
        PyCFunction::FastKw(faulthandler_sigsegv),
        "_sigsegv(release_gil=False): raise a SIGSEGV signal",
    ),
    PyMethodDef::new(
        "_sigabrt",
        PyCFunction::NoArgs(faulthandler_sigabrt),
        "_sigabrt(): raise a SIGABRT signal",
    ),
    PyMethodDef::new(
        "_sigfpe",
        PyCFunction::NoArgs(faulthandler_sigfpe),
        "_sigfpe(): raise a SIGFPE signal",
    ),
];

/// `PyInit_faulthandler`.
pub fn PyInit_faulthandler() -> PyResult<PyRef<PyModuleObject>> {
    let m = PyModule_New("faulthandler")?;
    PyModule_AddFunctions(&m, &MODULE_METHODS)?;
    PyModule_AddObject(&m, "__doc__", &PyUnicode_FromString(MODULE_DOC))?;
    Ok(m)
}
