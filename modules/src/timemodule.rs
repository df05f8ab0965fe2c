//! The `time` module: clocks, sleeping, and conversions between timestamps and
//! broken-down times. Mirrors Modules/timemodule.c (CPython 3.11), with the
//! timestamp conversions of Python/pytime.c.
//!
//! Every clock is `clock_gettime` on one of Linux's clocks; `time.strptime` is the
//! pure-Python `_strptime._strptime_time`, as in CPython.
//!
//! Differences from CPython: `pthread_getcpuclockid` is not provided (glibc reads
//! the thread structure a `pthread_t` points to, so an arbitrary id could crash).

use std::ffi::{CStr, CString};

use include::methodobject::{PyCFunction, PyMethodDef};
use include::object::GlobalCell;

use objects::dictobject::{PyDict_New, PyDict_SetItem};
use objects::floatobject::{PyFloatObject, PyFloat_AsDouble, PyFloat_FromDouble};
use objects::getargs::check_positional;
use objects::longobject::{PyLongObject, PyLong_FromLong};
use objects::moduleobject::{
    PyModuleObject, PyModule_AddFunctions, PyModule_AddObject, PyModule_New,
};
use objects::object::{none, Py_None};
use objects::prelude::*;
use objects::r#abstract::PyNumber_Index;
use objects::structseq::{PyStructSequence_Desc, PyStructSequence_New, PyStructSequence_NewType};
use objects::tupleobject::{PyTupleObject, PyTuple_New};
use objects::unicodeobject::{PyUnicodeObject, PyUnicode_FromString};

extern "C" {
    fn tzset();
}

const SEC_TO_NS: i64 = 1_000_000_000;

/// `_PyTime_GetSystemClock` and friends: `clock_gettime` in nanoseconds.
fn clock_ns(clk: libc::clockid_t) -> PyResult<i64> {
    let mut ts = libc::timespec {
        tv_sec: 0,
        tv_nsec: 0,
    };
    // SAFETY: `ts` is a valid place for the result.
    if unsafe { libc::clock_gettime(clk, &mut ts) } != 0 {
        return Err(os_error());
    }
    Ok(ts.tv_sec * SEC_TO_NS + ts.tv_nsec)
}

/// `_PyTime_AsSecondsDouble`: exact for whole seconds, else nanoseconds / 1e9.
fn as_seconds_double(ns: i64) -> f64 {
    if ns % SEC_TO_NS == 0 {
        (ns / SEC_TO_NS) as f64
    } else {
        ns as f64 / 1e9
    }
}

fn float_clock(clk: libc::clockid_t) -> PyResult {
    Ok(PyFloat_FromDouble(as_seconds_double(clock_ns(clk)?)))
}

fn ns_clock(clk: libc::clockid_t) -> PyResult {
    Ok(PyLong_FromLong(clock_ns(clk)?))
}

/// `time.time()`.
fn time_time(_m: &PyObject) -> PyResult {
    float_clock(libc::CLOCK_REALTIME)
}

/// `time.time_ns()`.
fn time_time_ns(_m: &PyObject) -> PyResult {
    ns_clock(libc::CLOCK_REALTIME)
}

/// `time.monotonic()`.
fn time_monotonic(_m: &PyObject) -> PyResult {
    float_clock(libc::CLOCK_MONOTONIC)
}

/// `time.monotonic_ns()`.
fn time_monotonic_ns(_m: &PyObject) -> PyResult {
    ns_clock(libc::CLOCK_MONOTONIC)
}

/// `time.perf_counter()`: the monotonic clock, as CPython on Linux.
fn time_perf_counter(_m: &PyObject) -> PyResult {
    float_clock(libc::CLOCK_MONOTONIC)
}

/// `time.perf_counter_ns()`.
fn time_perf_counter_ns(_m: &PyObject) -> PyResult {
    ns_clock(libc::CLOCK_MONOTONIC)
}

/// `time.process_time()`.
fn time_process_time(_m: &PyObject) -> PyResult {
    float_clock(libc::CLOCK_PROCESS_CPUTIME_ID)
}

/// `time.process_time_ns()`.
fn time_process_time_ns(_m: &PyObject) -> PyResult {
    ns_clock(libc::CLOCK_PROCESS_CPUTIME_ID)
}

/// `time.thread_time()`.
fn time_thread_time(_m: &PyObject) -> PyResult {
    float_clock(libc::CLOCK_THREAD_CPUTIME_ID)
}

/// `time.thread_time_ns()`.
fn time_thread_time_ns(_m: &PyObject) -> PyResult {
    ns_clock(libc::CLOCK_THREAD_CPUTIME_ID)
}

/// A `clk_id` argument (a C int).
fn clock_id_arg(arg: &PyObject) -> PyResult<libc::clockid_t> {
    let i = PyNumber_Index(arg)?;
    let v = i.downcast_ref::<PyLongObject>().and_then(|l| l.as_i64());
    v.and_then(|v| libc::clockid_t::try_from(v).ok())
        .ok_or_else(|| overflow_error("Python int too large to convert to C int"))
}

/// `time.clock_gettime(clk_id, /)`.
fn time_clock_gettime(_m: &PyObject, arg: &PyObject) -> PyResult {
    let clk = clock_id_arg(arg)?;
    let mut ts = libc::timespec {
        tv_sec: 0,
        tv_nsec: 0,
    };
    // SAFETY: `ts` is a valid place for the result.
    if unsafe { libc::clock_gettime(clk, &mut ts) } != 0 {
        return Err(os_error());
    }
    Ok(PyFloat_FromDouble(
        ts.tv_sec as f64 + ts.tv_nsec as f64 * 1e-9,
    ))
}

/// `time.clock_gettime_ns(clk_id, /)`.
fn time_clock_gettime_ns(_m: &PyObject, arg: &PyObject) -> PyResult {
    ns_clock(clock_id_arg(arg)?)
}

/// `time.clock_getres(clk_id, /)`.
fn time_clock_getres(_m: &PyObject, arg: &PyObject) -> PyResult {
    let clk = clock_id_arg(arg)?;
    let mut ts = libc::timespec {
        tv_sec: 0,
        tv_nsec: 0,
    };
    // SAFETY: `ts` is a valid place for the result.
    if unsafe { libc::clock_getres(clk, &mut ts) } != 0 {
        return Err(os_error());
    }
    Ok(PyFloat_FromDouble(
        ts.tv_sec as f64 + ts.tv_nsec as f64 * 1e-9,
    ))
}

/// `time.clock_settime(clk_id, time, /)`.
fn time_clock_settime(_m: &PyObject, args: &[PyObjectRef]) -> PyResult {
    check_positional("clock_settime", args.len(), 2, 2)?;
    let clk = clock_id_arg(&args[0])?;
    let ns = seconds_object_to_ns_rounded(&args[1], false)?;
    settime(clk, ns)
}

/// `time.clock_settime_ns(clk_id, time, /)`.
fn time_clock_settime_ns(_m: &PyObject, args: &[PyObjectRef]) -> PyResult {
    check_positional("clock_settime_ns", args.len(), 2, 2)?;
    let clk = clock_id_arg(&args[0])?;
    let i = PyNumber_Index(&args[1])?;
    let ns = i
        .downcast_ref::<PyLongObject>()
        .and_then(|l| l.as_i64())
        .ok_or_else(|| overflow_error("timestamp too large to convert to C _PyTime_t"))?;
    settime(clk, ns)
}

fn settime(clk: libc::clockid_t, ns: i64) -> PyResult {
    let ts = libc::timespec {
        tv_sec: ns.div_euclid(SEC_TO_NS) as libc::time_t,
        tv_nsec: ns.rem_euclid(SEC_TO_NS) as libc::c_long,
    };
    // SAFETY: `ts` is a valid timespec.
    if unsafe { libc::clock_settime(clk, &ts) } != 0 {
        return Err(os_error());
    }
    Ok(none())
}

/// `_PyTime_FromSecondsObject(obj, _PyTime_ROUND_TIMEOUT)`: nanoseconds, rounded
/// away from zero.
fn seconds_object_to_ns(obj: &PyObject) -> PyResult<i64> {
    seconds_object_to_ns_rounded(obj, true)
}

/// `_PyTime_FromSecondsObject` rounding away from zero (`timeout`) or down.
fn seconds_object_to_ns_rounded(obj: &PyObject, timeout: bool) -> PyResult<i64> {
    let too_large = || overflow_error("timestamp too large to convert to C _PyTime_t");
    if let Some(f) = obj.downcast_ref::<PyFloatObject>() {
        let d = PyFloat_AsDouble(f.as_object())?;
        if d.is_nan() {
            return Err(value_error("Invalid value NaN (not a number)"));
        }
        let ns = d * 1e9;
        let ns = if ns >= 0.0 && timeout {
            ns.ceil()
        } else {
            ns.floor()
        };
        if !(-9.223_372_036_854_776e18..9.223_372_036_854_776e18).contains(&ns) {
            return Err(too_large());
        }
        return Ok(ns as i64);
    }
    let i = PyNumber_Index(obj)?;
    let secs = i
        .downcast_ref::<PyLongObject>()
        .and_then(|l| l.as_i64())
        .ok_or_else(too_large)?;
    secs.checked_mul(SEC_TO_NS).ok_or_else(too_large)
}

/// `time.sleep(secs, /)`: sleep, resuming after signals whose handlers return.
fn time_sleep(_m: &PyObject, arg: &PyObject) -> PyResult {
    let ns = seconds_object_to_ns(arg)?;
    if ns < 0 {
        return Err(value_error("sleep length must be non-negative"));
    }
    let mut req = libc::timespec {
        tv_sec: (ns / SEC_TO_NS) as libc::time_t,
        tv_nsec: (ns % SEC_TO_NS) as libc::c_long,
    };
    loop {
        let mut rem = libc::timespec {
            tv_sec: 0,
            tv_nsec: 0,
        };
        // The GIL is released while sleeping (`Py_BEGIN_ALLOW_THREADS`).
        let (r, err) = python::ceval_gil::allow_threads(|| {
            // SAFETY: both timespecs are valid.
            let r = unsafe { libc::nanosleep(&req, &mut rem) };
            (r, std::io::Error::last_os_error().raw_os_error())
        });
        if r == 0 {
            return Ok(none());
        }
        if err != Some(libc::EINTR) {
            return Err(PyErr_SetFromErrno(err.unwrap_or(0)));
        }
        // Interrupted: run the signal handlers (which may raise), then sleep on.
        python::signals::check_signals()?;
        req = rem;
    }
}

static STRUCT_TIME_DESC: PyStructSequence_Desc = PyStructSequence_Desc {
    name: "time.struct_time",
    doc: "The time value as returned by gmtime(), localtime(), and strptime(), and\n accepted by asctime(), mktime() and strftime().  May be considered as a\n sequence of 9 integers.\n\n Note that several fields' values are not the same as those defined by\n the C language standard for struct tm.  For example, the value of the\n field tm_year is the actual year, not year - 1900.  See individual\n fields' descriptions for details.",
    fields: &[
        "tm_year", "tm_mon", "tm_mday", "tm_hour", "tm_min", "tm_sec", "tm_wday", "tm_yday",
        "tm_isdst", "tm_zone", "tm_gmtoff",
    ],
    n_in_sequence: 9,
};

static STRUCT_TIME_TYPE: GlobalCell<Option<&'static PyTypeObject>> = GlobalCell::new(None);

fn struct_time_type() -> PyResult<&'static PyTypeObject> {
    // SAFETY: single-threaded; a copy of the reference is taken.
    if let Some(tp) = *unsafe { STRUCT_TIME_TYPE.get_ref() } {
        return Ok(tp);
    }
    let tp = PyStructSequence_NewType(&STRUCT_TIME_DESC)?;
    // SAFETY: single-threaded; set once.
    unsafe { *STRUCT_TIME_TYPE.get_mut() = Some(tp) };
    Ok(tp)
}

fn empty_tm() -> libc::tm {
    // SAFETY: `struct tm` is plain data; all zeros (with a null zone) is valid.
    unsafe { std::mem::zeroed() }
}

/// `tmtotuple`: a `struct tm` as a struct_time.
fn tmtotuple(p: &libc::tm) -> PyResult {
    let zone = if p.tm_zone.is_null() {
        none()
    } else {
        // SAFETY: the C library's zone name is a NUL-terminated string.
        let s = unsafe { CStr::from_ptr(p.tm_zone) };
        PyUnicode_FromString(&s.to_string_lossy())
    };
    let items = vec![
        PyLong_FromLong(i64::from(p.tm_year) + 1900),
        PyLong_FromLong(i64::from(p.tm_mon) + 1),
        PyLong_FromLong(i64::from(p.tm_mday)),
        PyLong_FromLong(i64::from(p.tm_hour)),
        PyLong_FromLong(i64::from(p.tm_min)),
        PyLong_FromLong(i64::from(p.tm_sec)),
        PyLong_FromLong(i64::from((p.tm_wday + 6) % 7)),
        PyLong_FromLong(i64::from(p.tm_yday) + 1),
        PyLong_FromLong(i64::from(p.tm_isdst)),
        zone,
        PyLong_FromLong(p.tm_gmtoff),
    ];
    PyStructSequence_New(struct_time_type()?, items)
}

/// `_PyTime_ObjectToTime_t(obj, _PyTime_ROUND_FLOOR)`.
fn object_to_time_t(obj: &PyObject) -> PyResult<libc::time_t> {
    let out_of_range = || overflow_error("timestamp out of range for platform time_t");
    if let Some(f) = obj.downcast_ref::<PyFloatObject>() {
        let d = PyFloat_AsDouble(f.as_object())?;
        if d.is_nan() {
            return Err(value_error("Invalid value NaN (not a number)"));
        }
        let d = d.floor();
        if !(-9.223_372_036_854_776e18..9.223_372_036_854_776e18).contains(&d) {
            return Err(out_of_range());
        }
        return Ok(d as libc::time_t);
    }
    let i = PyNumber_Index(obj)?;
    i.downcast_ref::<PyLongObject>()
        .and_then(|l| l.as_i64())
        .ok_or_else(out_of_range)
}

/// `parse_time_t_args`: an optional timestamp, the current time by default.
fn time_t_arg(fname: &str, args: &[PyObjectRef]) -> PyResult<libc::time_t> {
    if args.len() > 1 {
        return Err(type_error(format!(
            "{fname}() takes at most 1 argument ({} given)",
            args.len()
        )));
    }
    match args.first() {
        Some(a) if !a.is(Py_None()) => object_to_time_t(a),
        _ => Ok((clock_ns(libc::CLOCK_REALTIME)? / SEC_TO_NS) as libc::time_t),
    }
}

/// `PyErr_SetFromErrno(PyExc_OSError)` for the C library's last error.
fn os_error() -> PyErr {
    PyErr_SetFromErrno(std::io::Error::last_os_error().raw_os_error().unwrap_or(0))
}

fn errno_error() -> PyErr {
    os_error()
}

/// `_PyTime_gmtime`.
fn py_gmtime(t: libc::time_t) -> PyResult<libc::tm> {
    let mut tm = empty_tm();
    // SAFETY: valid pointers to a time and a result.
    if unsafe { libc::gmtime_r(&t, &mut tm) }.is_null() {
        return Err(errno_error());
    }
    Ok(tm)
}

/// `_PyTime_localtime`.
fn py_localtime(t: libc::time_t) -> PyResult<libc::tm> {
    let mut tm = empty_tm();
    // SAFETY: valid pointers to a time and a result.
    if unsafe { libc::localtime_r(&t, &mut tm) }.is_null() {
        return Err(errno_error());
    }
    Ok(tm)
}

/// `time.gmtime([seconds])`.
fn time_gmtime(_m: &PyObject, args: &[PyObjectRef]) -> PyResult {
    let t = time_t_arg("gmtime", args)?;
    tmtotuple(&py_gmtime(t)?)
}

/// `time.localtime([seconds])`.
fn time_localtime(_m: &PyObject, args: &[PyObjectRef]) -> PyResult {
    let t = time_t_arg("localtime", args)?;
    tmtotuple(&py_localtime(t)?)
}

/// A C int item of a time tuple (the "i" converter).
fn int_item(v: &PyObject) -> PyResult<i32> {
    if v.downcast_ref::<PyFloatObject>().is_some() {
        return Err(type_error(
            "'float' object cannot be interpreted as an integer",
        ));
    }
    let i = PyNumber_Index(v)?;
    let big = i
        .downcast_ref::<PyLongObject>()
        .map(|l| l.to_bigint())
        .unwrap_or_default();
    match num_traits::ToPrimitive::to_i32(&big) {
        Some(x) => Ok(x),
        None if big.sign() == num_bigint::Sign::Minus => {
            Err(overflow_error("signed integer is less than minimum"))
        }
        None => Err(overflow_error("signed integer is greater than maximum")),
    }
}

/// `gettmarg`: a time tuple or struct_time as a `struct tm`, plus the zone name it
/// carries (kept alive for the caller).
fn gettmarg(args: &PyObject, fname: &str) -> PyResult<(libc::tm, Option<CString>)> {
    let Some(t) = args.downcast_ref::<PyTupleObject>() else {
        return Err(type_error("Tuple or struct_time argument required"));
    };
    let items = t.as_slice();
    if items.len() != 9 {
        return Err(type_error(format!(
            "{fname}(): illegal time tuple argument"
        )));
    }
    let mut v = [0i32; 9];
    for (slot, item) in v.iter_mut().zip(items) {
        *slot = int_item(item)?;
    }
    let mut p = empty_tm();
    p.tm_year = v[0].wrapping_sub(1900);
    p.tm_mon = v[1].wrapping_sub(1);
    p.tm_mday = v[2];
    p.tm_hour = v[3];
    p.tm_min = v[4];
    p.tm_sec = v[5];
    // C's remainder keeps the sign: -2 becomes -1, caught by checktm.
    p.tm_wday = v[6].wrapping_add(1) % 7;
    p.tm_yday = v[7].wrapping_sub(1);
    p.tm_isdst = v[8];
    let mut zone = None;
    if let Ok(st) = struct_time_type() {
        if std::ptr::eq(args.ob_type(), st) {
            // The struct_time's tm_zone and tm_gmtoff attributes.
            if let Ok(z) = objects::object::PyObject_GetAttr(args, objects::intern!("tm_zone")) {
                if let Some(u) = z.downcast_ref::<PyUnicodeObject>() {
                    let s = objects::unicodeobject::as_str_lossy(u.as_object()).into_owned();
                    zone = CString::new(s).ok();
                }
            }
            if let Ok(g) = objects::object::PyObject_GetAttr(args, objects::intern!("tm_gmtoff")) {
                if let Some(l) = g.downcast_ref::<PyLongObject>() {
                    p.tm_gmtoff = l.as_i64().unwrap_or(0);
                }
            }
        }
    }
    if let Some(z) = &zone {
        p.tm_zone = z.as_ptr();
    }
    Ok((p, zone))
}

/// `checktm`: the range checks that keep `asctime` and `strftime` from indexing
/// past their tables; a zero month, day or day of year becomes the first one.
fn checktm(buf: &mut libc::tm) -> PyResult<()> {
    if buf.tm_mon == -1 {
        buf.tm_mon = 0;
    } else if !(0..=11).contains(&buf.tm_mon) {
        return Err(value_error("month out of range"));
    }
    if buf.tm_mday == 0 {
        buf.tm_mday = 1;
    } else if !(0..=31).contains(&buf.tm_mday) {
        return Err(value_error("day of month out of range"));
    }
    if !(0..=23).contains(&buf.tm_hour) {
        return Err(value_error("hour out of range"));
    }
    if !(0..=59).contains(&buf.tm_min) {
        return Err(value_error("minute out of range"));
    }
    if !(0..=61).contains(&buf.tm_sec) {
        return Err(value_error("seconds out of range"));
    }
    if buf.tm_wday < 0 {
        return Err(value_error("day of week out of range"));
    }
    if buf.tm_yday == -1 {
        buf.tm_yday = 0;
    } else if !(0..=365).contains(&buf.tm_yday) {
        return Err(value_error("day of year out of range"));
    }
    Ok(())
}

/// `_asctime`: "Sun Jun 20 23:21:05 1993".
fn asctime_string(t: &libc::tm) -> String {
    const WDAY: [&str; 7] = ["Sun", "Mon", "Tue", "Wed", "Thu", "Fri", "Sat"];
    const MON: [&str; 12] = [
        "Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec",
    ];
    format!(
        "{} {}{:3} {:02}:{:02}:{:02} {}",
        WDAY[t.tm_wday as usize % 7],
        MON[t.tm_mon as usize % 12],
        t.tm_mday,
        t.tm_hour,
        t.tm_min,
        t.tm_sec,
        1900 + i64::from(t.tm_year)
    )
}

/// The current local time as a `struct tm`.
fn now_localtime() -> PyResult<libc::tm> {
    py_localtime((clock_ns(libc::CLOCK_REALTIME)? / SEC_TO_NS) as libc::time_t)
}

/// `time.asctime([tuple])`.
fn time_asctime(_m: &PyObject, args: &[PyObjectRef]) -> PyResult {
    check_positional("asctime", args.len(), 0, 1)?;
    let mut buf = match args.first() {
        Some(t) => {
            let (mut buf, _zone) = gettmarg(t, "asctime")?;
            checktm(&mut buf)?;
            buf.tm_zone = std::ptr::null();
            buf
        }
        None => now_localtime()?,
    };
    if args.is_empty() {
        checktm(&mut buf)?;
    }
    Ok(PyUnicode_FromString(&asctime_string(&buf)))
}

/// `time.ctime([seconds])`.
fn time_ctime(_m: &PyObject, args: &[PyObjectRef]) -> PyResult {
    let t = time_t_arg("ctime", args)?;
    let buf = py_localtime(t)?;
    Ok(PyUnicode_FromString(&asctime_string(&buf)))
}

/// `time.mktime(tuple, /)`: the inverse of localtime().
fn time_mktime(_m: &PyObject, arg: &PyObject) -> PyResult {
    let (mut tm, _zone) = gettmarg(arg, "mktime")?;
    // A day of the week that mktime() never produces marks failure.
    tm.tm_wday = -1;
    // SAFETY: `tm` is a valid, initialized struct tm.
    let tt = unsafe { libc::mktime(&mut tm) };
    if tt == -1 && tm.tm_wday == -1 {
        return Err(overflow_error("mktime argument out of range"));
    }
    Ok(PyFloat_FromDouble(tt as f64))
}

/// `time.strftime(format[, tuple])`.
fn time_strftime(_m: &PyObject, args: &[PyObjectRef]) -> PyResult {
    if args.is_empty() || args.len() > 2 {
        return Err(type_error(format!(
            "strftime() takes {} ({} given)",
            if args.is_empty() {
                "at least 1 argument"
            } else {
                "at most 2 arguments"
            },
            args.len()
        )));
    }
    let Some(fmt) = args[0].downcast_ref::<PyUnicodeObject>() else {
        return Err(type_error(format!(
            "strftime() argument 1 must be str, not {}",
            args[0].ob_type().name()
        )));
    };
    let (mut buf, _zone) = match args.get(1) {
        Some(t) => gettmarg(t, "strftime")?,
        None => (now_localtime()?, None),
    };
    checktm(&mut buf)?;
    buf.tm_isdst = buf.tm_isdst.clamp(-1, 1);
    let format = objects::unicodeobject::as_str_lossy(fmt.as_object()).into_owned();
    if format.contains('\0') {
        return Err(value_error("embedded null character"));
    }
    let cfmt = CString::new(format.clone()).map_err(|_| value_error("embedded null character"))?;
    // Grow the buffer until the result fits; an empty result from a non-empty
    // format may mean "too small", so keep trying up to 256 times its length.
    let mut size = 1024usize;
    loop {
        let mut out = vec![0u8; size];
        // SAFETY: `out` has `size` bytes; the format and tm are valid.
        let n = unsafe {
            libc::strftime(
                out.as_mut_ptr() as *mut libc::c_char,
                size,
                cfmt.as_ptr(),
                &buf,
            )
        };
        if n > 0 || size >= 256 * format.len().max(1) {
            out.truncate(n);
            return Ok(PyUnicode_FromString(&String::from_utf8_lossy(&out)));
        }
        size *= 2;
    }
}

/// `time.strptime(string, format="%a %b %d %H:%M:%S %Y")`: `_strptime._strptime_time`.
fn time_strptime(_m: &PyObject, args: &[PyObjectRef]) -> PyResult {
    let module = python::import::PyImport_ImportModule("_strptime")?;
    // CPython calls `_strptime._strptime_time(string, format)`.
    let f = objects::object::PyObject_GetAttr(&module, &PyUnicode_FromString("_strptime_time"))?;
    objects::call::PyObject_Vectorcall(&f, args, None)
}

/// The zone values of `init_timezone`: (timezone, altzone, daylight, tzname).
fn timezone_values() -> PyResult<(i64, i64, bool, String, String)> {
    const YEAR: i64 = (365 * 24 + 6) * 3600;
    let now = clock_ns(libc::CLOCK_REALTIME)? / SEC_TO_NS;
    let t = (now / YEAR) * YEAR;
    let jan = py_localtime(t as libc::time_t)?;
    let zone = |p: &libc::tm| {
        if p.tm_zone.is_null() {
            String::new()
        } else {
            // SAFETY: the C library's zone name is a NUL-terminated string.
            unsafe { CStr::from_ptr(p.tm_zone) }
                .to_string_lossy()
                .into_owned()
        }
    };
    let janname = zone(&jan);
    let janoff = -jan.tm_gmtoff;
    let jul = py_localtime((t + YEAR / 2) as libc::time_t)?;
    let julyname = zone(&jul);
    let julyoff = -jul.tm_gmtoff;
    Ok(if janoff < julyoff {
        // The southern hemisphere: summer time in January.
        (julyoff, janoff, janoff != julyoff, julyname, janname)
    } else {
        (janoff, julyoff, janoff != julyoff, janname, julyname)
    })
}

/// `init_timezone`: set `timezone`, `altzone`, `daylight` and `tzname`.
fn init_timezone(m: &PyObject) -> PyResult<()> {
    let (timezone, altzone, daylight, std_name, dst_name) = timezone_values()?;
    let set = |name: &str, v: &PyObject| {
        objects::object::PyObject_SetAttr(m, &PyUnicode_FromString(name), Some(v))
    };
    set("timezone", &PyLong_FromLong(timezone))?;
    set("altzone", &PyLong_FromLong(altzone))?;
    set("daylight", &PyLong_FromLong(i64::from(daylight)))?;
    set(
        "tzname",
        &PyTuple_New(vec![
            PyUnicode_FromString(&std_name),
            PyUnicode_FromString(&dst_name),
        ])
        .into_object(),
    )?;
    Ok(())
}

static TIME_MODULE: GlobalCell<Option<PyObjectRef>> = GlobalCell::new(None);

/// `time.tzset()`: reread the TZ environment variable.
fn time_tzset(_m: &PyObject) -> PyResult {
    // SAFETY: tzset only reads the environment.
    unsafe { tzset() };
    // SAFETY: single-threaded; the reference is cloned out.
    if let Some(m) = unsafe { TIME_MODULE.get_ref() }.clone() {
        init_timezone(&m)?;
    }
    Ok(none())
}

/// `time.get_clock_info(name, /)`.
fn time_get_clock_info(_m: &PyObject, arg: &PyObject) -> PyResult {
    let name = objects::unicodeobject::as_str_strict(arg)?;
    let (implementation, clk, monotonic, adjustable) = match name {
        "time" => (
            "clock_gettime(CLOCK_REALTIME)",
            libc::CLOCK_REALTIME,
            false,
            true,
        ),
        "monotonic" | "perf_counter" => (
            "clock_gettime(CLOCK_MONOTONIC)",
            libc::CLOCK_MONOTONIC,
            true,
            false,
        ),
        "process_time" => (
            "clock_gettime(CLOCK_PROCESS_CPUTIME_ID)",
            libc::CLOCK_PROCESS_CPUTIME_ID,
            true,
            false,
        ),
        "thread_time" => (
            "clock_gettime(CLOCK_THREAD_CPUTIME_ID)",
            libc::CLOCK_THREAD_CPUTIME_ID,
            true,
            false,
        ),
        _ => return Err(value_error("unknown clock")),
    };
    let mut ts = libc::timespec {
        tv_sec: 0,
        tv_nsec: 0,
    };
    // SAFETY: `ts` is a valid place for the result.
    if unsafe { libc::clock_getres(clk, &mut ts) } != 0 {
        return Err(os_error());
    }
    let resolution = ts.tv_sec as f64 + ts.tv_nsec as f64 * 1e-9;
    let d = PyDict_New();
    PyDict_SetItem(
        &d,
        &PyUnicode_FromString("implementation"),
        &PyUnicode_FromString(implementation),
    )?;
    PyDict_SetItem(
        &d,
        &PyUnicode_FromString("monotonic"),
        &objects::boolobject::PyBool_FromLong(monotonic),
    )?;
    PyDict_SetItem(
        &d,
        &PyUnicode_FromString("adjustable"),
        &objects::boolobject::PyBool_FromLong(adjustable),
    )?;
    PyDict_SetItem(
        &d,
        &PyUnicode_FromString("resolution"),
        &PyFloat_FromDouble(resolution),
    )?;
    objects::namespaceobject::_PyNamespace_New(Some(&d))
}

static TIME_METHODS: [PyMethodDef; 25] = [
    PyMethodDef::new("time", PyCFunction::NoArgs(time_time), "time() -> floating point number\n\nReturn the current time in seconds since the Epoch.\nFractions of a second may be present if the system clock provides them."),
    PyMethodDef::new("time_ns", PyCFunction::NoArgs(time_time_ns), "time_ns() -> int\n\nReturn the current time in nanoseconds since the Epoch."),
    PyMethodDef::new("clock_gettime", PyCFunction::O(time_clock_gettime), "clock_gettime(clk_id) -> float\n\nReturn the time of the specified clock clk_id."),
    PyMethodDef::new("clock_gettime_ns", PyCFunction::O(time_clock_gettime_ns), "clock_gettime_ns(clk_id) -> int\n\nReturn the time of the specified clock clk_id as nanoseconds."),
    PyMethodDef::new("clock_settime", PyCFunction::Fast(time_clock_settime), "clock_settime(clk_id, time)\n\nSet the time of the specified clock clk_id."),
    PyMethodDef::new("clock_settime_ns", PyCFunction::Fast(time_clock_settime_ns), "clock_settime_ns(clk_id, time)\n\nSet the time of the specified clock clk_id with nanoseconds."),
    PyMethodDef::new("clock_getres", PyCFunction::O(time_clock_getres), "clock_getres(clk_id) -> floating point number\n\nReturn the resolution (precision) of the specified clock clk_id."),
    PyMethodDef::new("sleep", PyCFunction::O(time_sleep), "sleep(seconds)\n\nDelay execution for a given number of seconds.  The argument may be\na floating point number for subsecond precision."),
    PyMethodDef::new("gmtime", PyCFunction::Fast(time_gmtime), "gmtime([seconds]) -> (tm_year, tm_mon, tm_mday, tm_hour, tm_min,\n                       tm_sec, tm_wday, tm_yday, tm_isdst)\n\nConvert seconds since the Epoch to a time tuple expressing UTC (a.k.a.\nGMT).  When 'seconds' is not passed in, convert the current time instead.\n\nIf the platform supports the tm_gmtoff and tm_zone, they are available as\nattributes only."),
    PyMethodDef::new("localtime", PyCFunction::Fast(time_localtime), "localtime([seconds]) -> (tm_year,tm_mon,tm_mday,tm_hour,tm_min,\n                          tm_sec,tm_wday,tm_yday,tm_isdst)\n\nConvert seconds since the Epoch to a time tuple expressing local time.\nWhen 'seconds' is not passed in, convert the current time instead."),
    PyMethodDef::new("asctime", PyCFunction::Fast(time_asctime), "asctime([tuple]) -> string\n\nConvert a time tuple to a string, e.g. 'Sat Jun 06 16:26:11 1998'.\nWhen the time tuple is not present, current time as returned by localtime()\nis used."),
    PyMethodDef::new("ctime", PyCFunction::Fast(time_ctime), "ctime(seconds) -> string\n\nConvert a time in seconds since the Epoch to a string in local time.\nThis is equivalent to asctime(localtime(seconds)). When the time tuple is\nnot present, current time as returned by localtime() is used."),
    PyMethodDef::new("mktime", PyCFunction::O(time_mktime), "mktime(tuple) -> floating point number\n\nConvert a time tuple in local time to seconds since the Epoch.\nNote that mktime(gmtime(0)) will not generally return zero for most\ntime zones; instead the returned value will either be equal to that\nof the timezone or altzone attributes on the time module."),
    PyMethodDef::new("strftime", PyCFunction::Fast(time_strftime), "strftime(format[, tuple]) -> string\n\nConvert a time tuple to a string according to a format specification.\nSee the library reference manual for formatting codes. When the time tuple\nis not present, current time as returned by localtime() is used.\n\nCommonly used format codes:\n\n%Y  Year with century as a decimal number.\n%m  Month as a decimal number [01,12].\n%d  Day of the month as a decimal number [01,31].\n%H  Hour (24-hour clock) as a decimal number [00,23].\n%M  Minute as a decimal number [00,59].\n%S  Second as a decimal number [00,61].\n%z  Time zone offset from UTC.\n%a  Locale's abbreviated weekday name.\n%A  Locale's full weekday name.\n%b  Locale's abbreviated month name.\n%B  Locale's full month name.\n%c  Locale's appropriate date and time representation.\n%I  Hour (12-hour clock) as a decimal number [01,12].\n%p  Locale's equivalent of either AM or PM.\n\nOther codes may be available on your platform.  See documentation for\nthe C library strftime function.\n"),
    PyMethodDef::new("strptime", PyCFunction::Fast(time_strptime), "strptime(string, format) -> struct_time\n\nParse a string to a time tuple according to a format specification.\nSee the library reference manual for formatting codes (same as\nstrftime()).\n\nCommonly used format codes:\n\n%Y  Year with century as a decimal number.\n%m  Month as a decimal number [01,12].\n%d  Day of the month as a decimal number [01,31].\n%H  Hour (24-hour clock) as a decimal number [00,23].\n%M  Minute as a decimal number [00,59].\n%S  Second as a decimal number [00,61].\n%z  Time zone offset from UTC.\n%a  Locale's abbreviated weekday name.\n%A  Locale's full weekday name.\n%b  Locale's abbreviated month name.\n%B  Locale's full month name.\n%c  Locale's appropriate date and time representation.\n%I  Hour (12-hour clock) as a decimal number [01,12].\n%p  Locale's equivalent of either AM or PM.\n\nOther codes may be available on your platform.  See documentation for\nthe C library strftime function.\n"),
    PyMethodDef::new("tzset", PyCFunction::NoArgs(time_tzset), "tzset()\n\nInitialize, or reinitialize, the local timezone to the value stored in\nos.environ['TZ']. The TZ environment variable should be specified in\nstandard Unix timezone format as documented in the tzset man page\n(eg. 'US/Eastern', 'Europe/Amsterdam'). Unknown timezones will silently\nfall back to UTC. If the TZ environment variable is not set, the local\ntimezone is set to the systems best guess of wallclock time.\nChanging the TZ environment variable without calling tzset *may* change\nthe local timezone used by methods such as localtime, but this behaviour\nshould not be relied on."),
    PyMethodDef::new("monotonic", PyCFunction::NoArgs(time_monotonic), "monotonic() -> float\n\nMonotonic clock, cannot go backward."),
    PyMethodDef::new("monotonic_ns", PyCFunction::NoArgs(time_monotonic_ns), "monotonic_ns() -> int\n\nMonotonic clock, cannot go backward, as nanoseconds."),
    PyMethodDef::new("process_time", PyCFunction::NoArgs(time_process_time), "process_time() -> float\n\nProcess time for profiling: sum of the kernel and user-space CPU time."),
    PyMethodDef::new("process_time_ns", PyCFunction::NoArgs(time_process_time_ns), "process_time() -> int\n\nProcess time for profiling as nanoseconds:\nsum of the kernel and user-space CPU time."),
    PyMethodDef::new("thread_time", PyCFunction::NoArgs(time_thread_time), "thread_time() -> float\n\nThread time for profiling: sum of the kernel and user-space CPU time."),
    PyMethodDef::new("thread_time_ns", PyCFunction::NoArgs(time_thread_time_ns), "thread_time() -> int\n\nThread time for profiling as nanoseconds:\nsum of the kernel and user-space CPU time."),
    PyMethodDef::new("perf_counter", PyCFunction::NoArgs(time_perf_counter), "perf_counter() -> float\n\nPerformance counter for benchmarking."),
    PyMethodDef::new("perf_counter_ns", PyCFunction::NoArgs(time_perf_counter_ns), "perf_counter_ns() -> int\n\nPerformance counter for benchmarking as nanoseconds."),
    PyMethodDef::new("get_clock_info", PyCFunction::O(time_get_clock_info), "get_clock_info(name: str) -> dict\n\nGet information of the specified clock."),
];

const MODULE_DOC: &str = "This module provides various functions to manipulate time values.\n\nThere are two standard representations of time.  One is the number\nof seconds since the Epoch, in UTC (a.k.a. GMT).  It may be an integer\nor a floating point number (to represent fractions of seconds).\nThe Epoch is system-defined; on Unix, it is generally January 1st, 1970.\nThe actual value can be retrieved by calling gmtime(0).\n\nThe other representation is a tuple of 9 integers giving local time.\nThe tuple items are:\n  year (including century, e.g. 1998)\n  month (1-12)\n  day (1-31)\n  hours (0-23)\n  minutes (0-59)\n  seconds (0-59)\n  weekday (0-6, Monday is 0)\n  Julian day (day in the year, 1-366)\n  DST (Daylight Savings Time) flag (-1, 0 or 1)\nIf the DST flag is 0, the time is given in the regular time zone;\nif it is 1, the time is given in the DST time zone;\nif it is -1, mktime() should guess based on the date and time.\n";

/// Make the `time` module (`PyInit_time`, `time_exec`).
pub fn PyInit_time() -> PyResult<PyRef<PyModuleObject>> {
    // SAFETY: tzset only reads the environment.
    unsafe { tzset() };
    let m = PyModule_New("time")?;
    PyModule_AddObject(&m, "__doc__", &PyUnicode_FromString(MODULE_DOC))?;
    PyModule_AddFunctions(&m, &TIME_METHODS)?;
    for (name, value) in [
        ("CLOCK_REALTIME", libc::CLOCK_REALTIME),
        ("CLOCK_MONOTONIC", libc::CLOCK_MONOTONIC),
        ("CLOCK_MONOTONIC_RAW", libc::CLOCK_MONOTONIC_RAW),
        ("CLOCK_PROCESS_CPUTIME_ID", libc::CLOCK_PROCESS_CPUTIME_ID),
        ("CLOCK_THREAD_CPUTIME_ID", libc::CLOCK_THREAD_CPUTIME_ID),
        ("CLOCK_BOOTTIME", libc::CLOCK_BOOTTIME),
        ("CLOCK_TAI", libc::CLOCK_TAI),
    ] {
        PyModule_AddObject(&m, name, &PyLong_FromLong(i64::from(value)))?;
    }
    PyModule_AddObject(&m, "_STRUCT_TM_ITEMS", &PyLong_FromLong(11))?;
    PyModule_AddObject(&m, "struct_time", struct_time_type()?.as_object())?;
    init_timezone(m.as_object())?;
    // SAFETY: single-threaded; set once per module creation.
    unsafe { *TIME_MODULE.get_mut() = Some(m.as_object().to_owned()) };
    Ok(m)
}
