//! The `_posixsubprocess` module: `fork_exec`, the POSIX half of `subprocess.Popen`.
//! Mirrors Modules/_posixsubprocess.c (CPython 3.11).
//!
//! Every argument is converted in the parent, before the fork: the child only makes
//! system calls (no allocation) unless a `preexec_fn` is given, in which case it runs
//! Python code as CPython does. An error in the child before `exec` is written to
//! `errpipe_write` as `ExceptionName:hex_errno:message` (`OSError:2:noexec` when the
//! failure came before the exec calls), which Lib/subprocess.py reads and re-raises.
//!
//! Differences from CPython: the child always uses `fork()` (`allow_vfork` is
//! accepted and ignored: pyrs has no `vfork` path). Descriptors are closed with the
//! `close_range` system call, falling back to closing every number up to the
//! descriptor limit, instead of reading /proc/self/fd.

use std::ffi::CString;

use include::methodobject::{PyCFunction, PyMethodDef};

use objects::bytesobject::PyBytesObject;
use objects::longobject::{PyLongObject, PyLong_AsLong, PyLong_FromLong};
use objects::moduleobject::{
    PyModuleObject, PyModule_AddFunctions, PyModule_AddObject, PyModule_New,
};
use objects::object::{PyObject_IsTrue, Py_None};
use objects::prelude::*;
use objects::tupleobject::PyTupleObject;
use objects::unicodeobject::PyUnicode_FromString;

fn errno() -> i32 {
    std::io::Error::last_os_error().raw_os_error().unwrap_or(0)
}

/// `PyUnicode_FSConverter`: str (UTF-8 with `surrogateescape`), bytes or a path-like
/// object, as a NUL-terminated string.
pub(crate) fn fs_converter(obj: &PyObject) -> PyResult<CString> {
    let path = crate::_io::fspath(obj)?;
    let bytes = match path.downcast_ref::<PyBytesObject>() {
        Some(b) => b.as_bytes().to_vec(),
        None => objects::codecs::encode_with_codec(
            objects::codecs::Codec::Utf8,
            &path,
            &objects::codecs::ErrorHandler::SurrogateEscape,
        )?,
    };
    CString::new(bytes).map_err(|_| value_error("embedded null byte"))
}

/// `_PySequence_BytesToCharpArray`: a sequence of bytes as C strings.
fn bytes_to_charp_array(seq: &PyObject) -> PyResult<Vec<CString>> {
    let n = objects::r#abstract::PyObject_Size(seq)? as usize;
    let mut out = Vec::with_capacity(n);
    for i in 0..n {
        let item = objects::r#abstract::PySequence_GetItem(seq, i as isize)?;
        let Some(b) = item.downcast_ref::<PyBytesObject>() else {
            return Err(type_error(format!(
                "expected bytes, {} found",
                item.ob_type().name()
            )));
        };
        out.push(
            CString::new(b.as_bytes().to_vec()).map_err(|_| value_error("embedded null byte"))?,
        );
    }
    Ok(out)
}

/// A NULL-terminated array of pointers into `strings`, for `execve`.
fn charp_array(strings: &[CString]) -> Vec<*const libc::c_char> {
    strings
        .iter()
        .map(|s| s.as_ptr())
        .chain(std::iter::once(std::ptr::null()))
        .collect()
}

/// `_sanity_check_python_fd_sequence`: a tuple of increasing non-negative ints.
fn fds_to_keep_from(tuple: &PyTupleObject) -> PyResult<Vec<i32>> {
    let bad = || value_error("bad value(s) in fds_to_keep");
    let mut prev = -1i64;
    let mut out = Vec::new();
    for item in tuple.as_slice() {
        if item.downcast_ref::<PyLongObject>().is_none() {
            return Err(bad());
        }
        let fd = PyLong_AsLong(item).map_err(|_| bad())?;
        if fd < 0 || fd <= prev || fd > i64::from(i32::MAX) {
            return Err(bad());
        }
        prev = fd;
        out.push(fd as i32);
    }
    Ok(out)
}

/// An `int` argument ("i" format).
fn int_arg(obj: &PyObject) -> PyResult<i32> {
    if obj
        .downcast_ref::<objects::floatobject::PyFloatObject>()
        .is_some()
    {
        return Err(type_error(
            "'float' object cannot be interpreted as an integer",
        ));
    }
    let v = PyLong_AsLong(obj)?;
    i32::try_from(v).map_err(|_| {
        overflow_error(if v < 0 {
            "signed integer is less than minimum"
        } else {
            "signed integer is greater than maximum"
        })
    })
}

/// Everything the child needs, converted before the fork.
struct ChildArgs {
    exec_array: Vec<*const libc::c_char>,
    argv: Option<Vec<*const libc::c_char>>,
    envp: Option<Vec<*const libc::c_char>>,
    cwd: Option<CString>,
    p2cread: i32,
    p2cwrite: i32,
    c2pread: i32,
    c2pwrite: i32,
    errread: i32,
    errwrite: i32,
    errpipe_read: i32,
    errpipe_write: i32,
    close_fds: bool,
    restore_signals: bool,
    call_setsid: bool,
    pgid_to_set: libc::pid_t,
    gid: Option<libc::gid_t>,
    extra_groups: Option<Vec<libc::gid_t>>,
    uid: Option<libc::uid_t>,
    child_umask: i32,
    fds_to_keep: Vec<i32>,
    max_fd: i32,
    preexec_fn: Option<PyObjectRef>,
}

/// `_Py_set_inheritable_async_safe`: set or clear FD_CLOEXEC with `fcntl` only.
fn set_inheritable_async_safe(fd: i32, inheritable: bool) -> Result<(), i32> {
    // SAFETY: plain system calls on an integer descriptor.
    unsafe {
        let flags = libc::fcntl(fd, libc::F_GETFD);
        if flags < 0 {
            return Err(errno());
        }
        let new = if inheritable {
            flags & !libc::FD_CLOEXEC
        } else {
            flags | libc::FD_CLOEXEC
        };
        if new != flags && libc::fcntl(fd, libc::F_SETFD, new) < 0 {
            return Err(errno());
        }
    }
    Ok(())
}

/// `POSIX_CALL`: the errno of a failed call.
fn posix_call(r: i32) -> Result<i32, i32> {
    if r == -1 {
        Err(errno())
    } else {
        Ok(r)
    }
}

/// `_close_open_fds`: close every descriptor from `start` up, except those in
/// `keep` (sorted).
fn close_open_fds(start: i32, keep: &[i32], max_fd: i32) {
    let mut lo = start;
    let bounds = keep
        .iter()
        .copied()
        .filter(|&k| k >= start)
        .chain(std::iter::once(i32::MAX));
    for k in bounds {
        if k > lo {
            let hi = if k == i32::MAX {
                u32::MAX
            } else {
                (k - 1) as u32
            };
            // SAFETY: `close_range` only closes descriptors; no memory is touched.
            let r = unsafe { libc::syscall(libc::SYS_close_range, lo as u32, hi, 0u32) };
            if r != 0 {
                let end = if k == i32::MAX { max_fd } else { k };
                for fd in lo..end {
                    // SAFETY: closing a descriptor number; errors are ignored.
                    unsafe { libc::close(fd) };
                }
            }
        }
        lo = k.saturating_add(1);
    }
}

/// Write all of `data` to `fd`, retrying after EINTR (`_Py_write_noraise`).
fn write_noraise(fd: i32, data: &[u8]) {
    let mut off = 0;
    while off < data.len() {
        // SAFETY: `data[off..]` is valid for reading.
        let n = unsafe {
            libc::write(
                fd,
                data[off..].as_ptr() as *const libc::c_void,
                data.len() - off,
            )
        };
        if n < 0 {
            if errno() == libc::EINTR {
                continue;
            }
            return;
        }
        off += n as usize;
    }
}

/// `child_exec`: runs in the child after the fork and never returns.
fn child_exec(a: &ChildArgs) -> ! {
    let mut reached_preexec = false;
    let mut err_msg: &str = "";
    let saved_errno = match child_exec_steps(a, &mut reached_preexec, &mut err_msg) {
        Ok(()) => 0,
        Err(e) => e,
    };
    if saved_errno != 0 {
        write_noraise(a.errpipe_write, b"OSError:");
        // The errno in hexadecimal, built without allocating.
        let mut hex = [0u8; 16];
        let mut cur = hex.len();
        let mut e = saved_errno as u32;
        while e != 0 && cur > 0 {
            cur -= 1;
            hex[cur] = b"0123456789abcdef"[(e % 16) as usize];
            e /= 16;
        }
        write_noraise(a.errpipe_write, &hex[cur..]);
        write_noraise(a.errpipe_write, b":");
        if !reached_preexec {
            // Tell the parent that the error came before exec().
            write_noraise(a.errpipe_write, b"noexec");
        }
    } else {
        write_noraise(a.errpipe_write, b"SubprocessError:0:");
        write_noraise(a.errpipe_write, err_msg.as_bytes());
    }
    // SAFETY: ends the child without running the parent's exit handlers.
    unsafe { libc::_exit(255) }
}

/// The body of `child_exec`: `Err(errno)` for a failed system call, `Err(0)` with
/// `err_msg` set for a failed `preexec_fn`.
fn child_exec_steps(
    a: &ChildArgs,
    reached_preexec: &mut bool,
    err_msg: &mut &str,
) -> Result<(), i32> {
    // `make_inheritable`: pass_fds survive the exec; the error pipe must not.
    for &fd in &a.fds_to_keep {
        if fd != a.errpipe_write {
            set_inheritable_async_safe(fd, true)?;
        }
    }
    // SAFETY (this block and the rest of the function): plain system calls on
    // integers and on NUL-terminated strings converted before the fork.
    unsafe {
        // Close the parent's ends of the pipes.
        if a.p2cwrite != -1 {
            posix_call(libc::close(a.p2cwrite))?;
        }
        if a.c2pread != -1 {
            posix_call(libc::close(a.c2pread))?;
        }
        if a.errread != -1 {
            posix_call(libc::close(a.errread))?;
        }
        posix_call(libc::close(a.errpipe_read))?;

        // Move the child's ends out of the way of 0, 1 and 2 before the dup2 calls.
        let mut c2pwrite = a.c2pwrite;
        let mut errwrite = a.errwrite;
        if c2pwrite == 0 {
            c2pwrite = posix_call(libc::dup(c2pwrite))?;
            set_inheritable_async_safe(c2pwrite, false)?;
        }
        while errwrite == 0 || errwrite == 1 {
            errwrite = posix_call(libc::dup(errwrite))?;
            set_inheritable_async_safe(errwrite, false)?;
        }
        // dup2() clears FD_CLOEXEC, but not when it has nothing to do.
        if a.p2cread == 0 {
            set_inheritable_async_safe(a.p2cread, true)?;
        } else if a.p2cread != -1 {
            posix_call(libc::dup2(a.p2cread, 0))?;
        }
        if c2pwrite == 1 {
            set_inheritable_async_safe(c2pwrite, true)?;
        } else if c2pwrite != -1 {
            posix_call(libc::dup2(c2pwrite, 1))?;
        }
        if errwrite == 2 {
            set_inheritable_async_safe(errwrite, true)?;
        } else if errwrite != -1 {
            posix_call(libc::dup2(errwrite, 2))?;
        }

        if let Some(cwd) = &a.cwd {
            posix_call(libc::chdir(cwd.as_ptr()))?;
        }
        if a.child_umask >= 0 {
            libc::umask(a.child_umask as libc::mode_t);
        }
        if a.restore_signals {
            // `_Py_RestoreSignals`: undo the SIG_IGN that the interpreter set.
            libc::signal(libc::SIGPIPE, libc::SIG_DFL);
            libc::signal(libc::SIGXFSZ, libc::SIG_DFL);
        }
        if a.call_setsid {
            posix_call(libc::setsid())?;
        }
        if a.pgid_to_set >= 0 {
            posix_call(libc::setpgid(0, a.pgid_to_set))?;
        }
        if let Some(groups) = &a.extra_groups {
            posix_call(libc::setgroups(groups.len(), groups.as_ptr()))?;
        }
        if let Some(gid) = a.gid {
            posix_call(libc::setregid(gid, gid))?;
        }
        if let Some(uid) = a.uid {
            posix_call(libc::setreuid(uid, uid))?;
        }
    }

    *reached_preexec = true;
    if let Some(f) = &a.preexec_fn {
        if objects::call::PyObject_CallNoArgs(f).is_err() {
            // Formatting the exception could allocate and deadlock; CPython does not.
            *err_msg = "Exception occurred in preexec_fn.";
            return Err(0);
        }
    }
    // After preexec_fn, which may have opened descriptors.
    if a.close_fds {
        close_open_fds(3, &a.fds_to_keep, a.max_fd);
    }

    // The PATH search of Lib/os.py's _execvpe, over the list subprocess.py built.
    let argv = a.argv.as_ref().map_or(std::ptr::null(), |v| v.as_ptr());
    let mut saved_errno = 0;
    for &exe in &a.exec_array[..a.exec_array.len() - 1] {
        // SAFETY: `exe`, `argv` and `envp` are NULL-terminated arrays of C strings
        // that live until the exec (or the child's exit).
        unsafe {
            match &a.envp {
                Some(envp) => libc::execve(exe, argv, envp.as_ptr()),
                None => libc::execv(exe, argv),
            };
        }
        let e = errno();
        if e != libc::ENOENT && e != libc::ENOTDIR && saved_errno == 0 {
            saved_errno = e;
        }
    }
    // Report the first exec error, not the last.
    Err(if saved_errno != 0 {
        saved_errno
    } else {
        errno()
    })
}

/// `safe_get_max_fd`: the descriptor limit, for the brute-force close.
fn safe_get_max_fd() -> i32 {
    // SAFETY: plain query.
    let n = unsafe { libc::sysconf(libc::_SC_OPEN_MAX) };
    if n < 0 {
        256
    } else {
        n.min(i64::from(i32::MAX)) as i32
    }
}

/// `gc.isenabled()` / `gc.disable()` / `gc.enable()` through the module, as
/// CPython 3.11 does around a fork that runs `preexec_fn`.
fn call_gc(name: &str) -> PyResult {
    let gc = python::import::PyImport_ImportModule("gc")?;
    objects::call::PyObject_CallMethodNoArgs(&gc, &PyUnicode_FromString(name))
}

/// `_posixsubprocess.fork_exec(...)`: the 23 positional arguments of
/// Lib/subprocess.py's `_execute_child`.
fn subprocess_fork_exec(_m: &PyObject, args: &[PyObjectRef]) -> PyResult {
    if args.len() != 23 {
        return Err(type_error(format!(
            "fork_exec() takes exactly 23 arguments ({} given)",
            args.len()
        )));
    }
    let process_args = &args[0];
    let executable_list = &args[1];
    let close_fds = PyObject_IsTrue(&args[2])?;
    let Some(fds_tuple) = args[3].downcast_ref::<PyTupleObject>() else {
        return Err(type_error(format!(
            "fork_exec() argument 4 must be tuple, not {}",
            args[3].ob_type().name()
        )));
    };
    let cwd_obj = &args[4];
    let env_list = &args[5];
    let mut ints = [0i32; 8];
    for (slot, a) in ints.iter_mut().zip(&args[6..14]) {
        *slot = int_arg(a)?;
    }
    let [p2cread, p2cwrite, c2pread, c2pwrite, errread, errwrite, errpipe_read, errpipe_write] =
        ints;
    let restore_signals = int_arg(&args[14])? != 0;
    let call_setsid = int_arg(&args[15])? != 0;
    let pgid_to_set = int_arg(&args[16])?;
    let gid_object = &args[17];
    let extra_groups_obj = &args[18];
    let uid_object = &args[19];
    let child_umask = int_arg(&args[20])?;
    let preexec_fn = &args[21];
    PyObject_IsTrue(&args[22])?;

    if close_fds && errpipe_write < 3 {
        return Err(value_error("errpipe_write must be >= 3"));
    }
    let fds_to_keep = fds_to_keep_from(fds_tuple)?;

    let exec_strings = bytes_to_charp_array(executable_list)?;
    let argv_strings = if process_args.is(Py_None()) {
        None
    } else {
        let items = objects::r#abstract::PySequence_Fast(process_args, "argv must be a tuple")?;
        Some(
            items
                .iter()
                .map(|a| fs_converter(a))
                .collect::<PyResult<Vec<_>>>()?,
        )
    };
    let env_strings = if env_list.is(Py_None()) {
        None
    } else {
        Some(bytes_to_charp_array(env_list)?)
    };
    let cwd = if cwd_obj.is(Py_None()) {
        None
    } else {
        Some(fs_converter(cwd_obj)?)
    };
    let extra_groups = if extra_groups_obj.is(Py_None()) {
        None
    } else {
        let Some(list) = extra_groups_obj.downcast_ref::<objects::listobject::PyListObject>()
        else {
            return Err(type_error("setgroups argument must be a list"));
        };
        let mut groups = Vec::new();
        for g in list.to_vec() {
            if g.downcast_ref::<PyLongObject>().is_none() {
                return Err(type_error("groups must be integers"));
            }
            groups.push(id_arg(&g, "gid")?);
        }
        Some(groups)
    };
    let gid = if gid_object.is(Py_None()) {
        None
    } else {
        Some(id_arg(gid_object, "gid")?)
    };
    let uid = if uid_object.is(Py_None()) {
        None
    } else {
        Some(id_arg(uid_object, "uid")?)
    };

    let child = ChildArgs {
        exec_array: charp_array(&exec_strings),
        argv: argv_strings.as_deref().map(charp_array),
        envp: env_strings.as_deref().map(charp_array),
        cwd,
        p2cread,
        p2cwrite,
        c2pread,
        c2pwrite,
        errread,
        errwrite,
        errpipe_read,
        errpipe_write,
        close_fds,
        restore_signals,
        call_setsid,
        pgid_to_set,
        gid,
        extra_groups,
        uid,
        child_umask,
        fds_to_keep,
        max_fd: safe_get_max_fd(),
        preexec_fn: (!preexec_fn.is(Py_None())).then(|| preexec_fn.clone()),
    };

    // Keep the collector from running in the child between fork and exec.
    let need_to_reenable_gc = if child.preexec_fn.is_some() {
        let enabled = call_gc("isenabled")?;
        let enabled = PyObject_IsTrue(&enabled)?;
        if enabled {
            call_gc("disable")?;
        }
        enabled
    } else {
        false
    };

    // SAFETY: the child only runs `child_exec`, which ends in exec or `_exit`.
    let pid = unsafe { libc::fork() };
    if pid == 0 {
        child_exec(&child);
    }
    let fork_errno = errno();
    if need_to_reenable_gc {
        call_gc("enable")?;
    }
    if pid == -1 {
        return Err(objects::pyerrors::PyErr_SetFromErrno(fork_errno));
    }
    // The strings the child used stay alive until here.
    drop(child);
    drop((exec_strings, argv_strings, env_strings));
    Ok(PyLong_FromLong(i64::from(pid)))
}

/// `_Py_Uid_Converter` / `_Py_Gid_Converter`.
fn id_arg(obj: &PyObject, what: &str) -> PyResult<u32> {
    if obj.downcast_ref::<PyLongObject>().is_none() {
        return Err(type_error(format!(
            "{what} should be integer, not {}",
            obj.ob_type().name()
        )));
    }
    let v = PyLong_AsLong(obj)?;
    if v == -1 {
        return Ok(u32::MAX);
    }
    u32::try_from(v).map_err(|_| {
        overflow_error(if v < 0 {
            format!("{what} is less than minimum")
        } else {
            format!("{what} is greater than maximum")
        })
    })
}

static MODULE_METHODS: [PyMethodDef; 1] = [PyMethodDef::new(
    "fork_exec",
    PyCFunction::Fast(subprocess_fork_exec),
    "fork_exec($module, args, executable_list, close_fds, pass_fds, cwd,\n          env, p2cread, p2cwrite, c2pread, c2pwrite, errread, errwrite,\n          errpipe_read, errpipe_write, restore_signals, call_setsid,\n          pgid_to_set, gid, extra_groups, uid, child_umask, preexec_fn,\n          allow_vfork, /)\n--\n\nSpawn a fresh new child process.\n\nFork a child process, close parent file descriptors as appropriate in the\nchild and duplicate the few that are needed before calling exec() in the\nchild process.\n\nIf close_fds is True, close file descriptors 3 and higher, except those listed\nin the sorted tuple pass_fds.\n\nThe preexec_fn, if supplied, will be called immediately before closing file\ndescriptors and exec.\n\nWARNING: preexec_fn is NOT SAFE if your application uses threads.\n         It may trigger infrequent, difficult to debug deadlocks.\n\nIf an error occurs in the child process before the exec, it is\nserialized and written to the errpipe_write fd per subprocess.py.\n\nReturns: the child process's PID.\n\nRaises: Only on an error in the parent process.",
)];

/// Make the `_posixsubprocess` module (`PyInit__posixsubprocess`).
pub fn PyInit__posixsubprocess() -> PyResult<PyRef<PyModuleObject>> {
    let m = PyModule_New("_posixsubprocess")?;
    PyModule_AddFunctions(&m, &MODULE_METHODS)?;
    PyModule_AddObject(
        &m,
        "__doc__",
        &PyUnicode_FromString("A POSIX helper for the subprocess module."),
    )?;
    Ok(m)
}
