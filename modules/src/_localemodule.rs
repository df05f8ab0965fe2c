//! The `_locale` module: the C library's locale functions (`setlocale`,
//! `localeconv`, `nl_langinfo`, collation, the gettext family). Mirrors
//! Modules/_localemodule.c (CPython 3.11), the Linux (glibc) part.
//!
//! Differences from CPython: `PyUnicode_DecodeLocale` is `decode_locale` below, which
//! decodes with the C library's `mbstowcs` in the current LC_CTYPE locale (strict, as
//! CPython's with `errors=NULL`); `getencoding` does not know UTF-8 mode, which pyrs
//! does not have.

use std::ffi::{c_char, c_int, CStr, CString};

use include::methodobject::{PyCFunction, PyMethodDef};
use include::object::GlobalCell;

use objects::dictobject::{PyDictObject, PyDict_New, PyDict_SetItem};
use objects::listobject::PyList_New;
use objects::longobject::PyLong_FromLong;
use objects::moduleobject::{
    PyModuleObject, PyModule_AddFunctions, PyModule_AddObject, PyModule_New,
};
use objects::object::{none, Py_None};
use objects::prelude::*;
use objects::pyerrors::cached_exception_type;
use objects::unicodeobject::{PyUnicodeObject, PyUnicode_FromCodePoints, PyUnicode_FromString};

extern "C" {
    fn wcscoll(s1: *const libc::wchar_t, s2: *const libc::wchar_t) -> c_int;
    fn wcsxfrm(dest: *mut libc::wchar_t, src: *const libc::wchar_t, n: usize) -> usize;
    fn mbstowcs(dest: *mut libc::wchar_t, src: *const c_char, n: usize) -> usize;
    fn gettext(msgid: *const c_char) -> *mut c_char;
    fn dgettext(domain: *const c_char, msgid: *const c_char) -> *mut c_char;
    fn dcgettext(domain: *const c_char, msgid: *const c_char, category: c_int) -> *mut c_char;
    fn textdomain(domain: *const c_char) -> *mut c_char;
    fn bindtextdomain(domain: *const c_char, dirname: *const c_char) -> *mut c_char;
    fn bind_textdomain_codeset(domain: *const c_char, codeset: *const c_char) -> *mut c_char;
}

static ERROR: GlobalCell<Option<PyObjectRef>> = GlobalCell::new(None);

/// `locale.Error`, a direct subclass of Exception.
fn error_type() -> PyResult<&'static PyTypeObject> {
    cached_exception_type(&ERROR, "locale.Error", &[])
}

fn locale_error(msg: &str) -> PyErr {
    match error_type() {
        Ok(tp) => PyErr_SetString(tp, msg),
        Err(e) => e,
    }
}

/// `PyUnicode_DecodeLocale(s, NULL)`: decode a C string in the current LC_CTYPE
/// locale, strictly.
pub fn decode_locale(s: &CStr) -> PyResult {
    // SAFETY: `s` is NUL-terminated; the first call only counts (a null
    // destination), the second writes at most `n + 1` wide characters into a buffer
    // of that size.
    let wide = unsafe {
        let n = mbstowcs(std::ptr::null_mut(), s.as_ptr(), 0);
        if n == usize::MAX {
            None
        } else {
            let mut buf: Vec<libc::wchar_t> = vec![0; n + 1];
            let m = mbstowcs(buf.as_mut_ptr(), s.as_ptr(), n + 1);
            (m != usize::MAX).then(|| {
                buf.truncate(m);
                buf
            })
        }
    };
    match wide {
        Some(w) => Ok(from_wide(&w)),
        None => {
            let bytes = s.to_bytes();
            Err(objects::exceptions::PyUnicodeDecodeError_Create(
                "locale",
                &objects::bytesobject::PyBytes_FromSlice(bytes),
                0,
                bytes.len() as isize,
                "decoding error",
            ))
        }
    }
}

/// `PyUnicode_FromWideChar`: wide characters are UTF-32 code units on Linux.
fn from_wide(w: &[libc::wchar_t]) -> PyObjectRef {
    let cps: Vec<u32> = w.iter().map(|&c| c as u32).collect();
    PyUnicode_FromCodePoints(&cps)
}

/// `PyUnicode_AsWideCharString(obj, NULL)`: a NUL-terminated wide string; an
/// embedded NUL is an error, as the C function has nowhere to report the length.
fn as_wide_string(obj: &PyObject) -> PyResult<Vec<libc::wchar_t>> {
    let Some(u) = obj.downcast_ref::<PyUnicodeObject>() else {
        return Err(type_error("expected str"));
    };
    let mut w: Vec<libc::wchar_t> = u
        .code_points()
        .iter()
        .map(|&c| c as libc::wchar_t)
        .collect();
    if w.contains(&0) {
        return Err(value_error("embedded null character"));
    }
    w.push(0);
    Ok(w)
}

/// A `str` argument of Argument Clinic (`str` converter): the UTF-8 bytes, without
/// NUL; `None` is accepted when `nullable` (`str(accept={str, NoneType})`).
fn str_arg(fname: &str, pos: usize, obj: &PyObject, nullable: bool) -> PyResult<Option<CString>> {
    if nullable && obj.is(Py_None()) {
        return Ok(None);
    }
    let Some(u) = obj.downcast_ref::<PyUnicodeObject>() else {
        return Err(objects::longobject::_PyArg_BadArgument(
            fname,
            &argument_name(pos),
            if nullable { "str or None" } else { "str" },
            obj,
        ));
    };
    let s = objects::unicodeobject::as_str_strict(u.as_object())?;
    CString::new(s)
        .map(Some)
        .map_err(|_| value_error("embedded null character"))
}

/// How a bad argument is named: "argument 2", or just "argument" for the one
/// argument of a METH_O function (`pos` 0).
fn argument_name(pos: usize) -> String {
    if pos == 0 {
        "argument".into()
    } else {
        format!("argument {pos}")
    }
}

/// The `unicode` converter: a `str`, or `TypeError`.
fn unicode_arg<'a>(fname: &str, pos: usize, obj: &'a PyObject) -> PyResult<&'a PyObject> {
    if obj.downcast_ref::<PyUnicodeObject>().is_none() {
        return Err(objects::longobject::_PyArg_BadArgument(
            fname,
            &argument_name(pos),
            "str",
            obj,
        ));
    }
    Ok(obj)
}

/// A C `int` argument (`_PyLong_AsInt`).
fn int_arg(obj: &PyObject) -> PyResult<c_int> {
    crate::posixmodule::int_arg(obj)
}

/// Decode a string the C library returned; NULL reads as the empty string.
///
/// # Safety
/// `p` is null or points to a NUL-terminated string that stays valid for the call.
unsafe fn decode_c_result(p: *const c_char) -> PyResult {
    if p.is_null() {
        return Ok(PyUnicode_FromString(""));
    }
    // SAFETY: the caller guarantees `p` is a valid C string.
    decode_locale(unsafe { CStr::from_ptr(p) })
}

/// `setlocale(category, locale=None, /)`.
fn _locale_setlocale(_m: &PyObject, args: &[PyObjectRef]) -> PyResult {
    objects::getargs::check_positional("setlocale", args.len(), 1, 2)?;
    let category = int_arg(&args[0])?;
    let locale = match args.get(1) {
        Some(l) => str_arg("setlocale", 2, l, true)?,
        None => None,
    };
    // SAFETY: the interpreter's thread is the only one using the locale; the
    // returned string is copied (decoded) before the next locale call.
    unsafe {
        match locale {
            Some(l) => {
                let result = libc::setlocale(category, l.as_ptr());
                if result.is_null() {
                    // Operation failed, no setting was changed.
                    return Err(locale_error("unsupported locale setting"));
                }
                decode_locale(CStr::from_ptr(result))
            }
            None => {
                let result = libc::setlocale(category, std::ptr::null());
                if result.is_null() {
                    return Err(locale_error("locale query failed"));
                }
                decode_locale(CStr::from_ptr(result))
            }
        }
    }
}

/// `copy_grouping`: the grouping string as a list of ints, keeping the final 0 or
/// CHAR_MAX that ends it; an empty string is an empty list.
fn copy_grouping(s: &CStr) -> PyObjectRef {
    let bytes = s.to_bytes();
    let mut items = Vec::new();
    if bytes.is_empty() {
        // No grouping at all.
        return PyList_New(items).into_object();
    }
    let mut ended_by_char_max = false;
    for &b in bytes {
        let v = b as c_char;
        items.push(PyLong_FromLong(i64::from(v)));
        if v == libc::c_char::MAX {
            ended_by_char_max = true;
            break;
        }
    }
    if !ended_by_char_max {
        // Ended by the NUL, which CPython's loop also copies.
        items.push(PyLong_FromLong(0));
    }
    PyList_New(items).into_object()
}

/// Whether a C string is one ASCII byte (`locale_is_ascii`).
fn locale_is_ascii(s: &CStr) -> bool {
    let b = s.to_bytes();
    b.len() == 1 && b[0] <= 127
}

/// Decode some fields of `lc` with LC_CTYPE temporarily set to the locale of
/// `category` (when the two differ and one of the fields is not ASCII), as
/// `locale_decode_monetary` and `_Py_GetLocaleconvNumeric` do.
///
/// # Safety
/// The `CStr`s point into the C library's `lconv`, valid until the next
/// `localeconv` or `setlocale` of their category.
unsafe fn decode_in_category(
    category: c_int,
    fields: &[(&str, &CStr)],
    dict: &PyDictObject,
) -> PyResult<()> {
    let change = fields.iter().any(|(_, v)| !locale_is_ascii(v));
    let mut oldloc: Option<CString> = None;
    if change {
        // SAFETY: single interpreter thread; the strings are copied at once.
        unsafe {
            let old = libc::setlocale(libc::LC_CTYPE, std::ptr::null());
            if old.is_null() {
                return Err(PyErr_SetString(
                    &objects::exceptions::PyExc_RuntimeWarning,
                    "failed to get LC_CTYPE locale",
                ));
            }
            let old = CStr::from_ptr(old).to_owned();
            let loc = libc::setlocale(category, std::ptr::null());
            if !loc.is_null() && CStr::from_ptr(loc) != old.as_c_str() {
                let loc = CStr::from_ptr(loc).to_owned();
                libc::setlocale(libc::LC_CTYPE, loc.as_ptr());
                oldloc = Some(old);
            }
        }
    }
    let mut result = Ok(());
    for (key, value) in fields {
        match decode_locale(value) {
            Ok(v) => {
                if let Err(e) = PyDict_SetItem(dict, &PyUnicode_FromString(key), &v) {
                    result = Err(e);
                    break;
                }
            }
            Err(e) => {
                result = Err(e);
                break;
            }
        }
    }
    if let Some(old) = oldloc {
        // SAFETY: restores the LC_CTYPE saved above.
        unsafe { libc::setlocale(libc::LC_CTYPE, old.as_ptr()) };
    }
    result
}

/// `localeconv()`: the numeric and monetary conventions of the current locale.
fn _locale_localeconv(_m: &PyObject) -> PyResult {
    let result = PyDict_New();
    // SAFETY: `localeconv` returns a static struct of the C library whose strings
    // stay valid until the next `localeconv`/`setlocale`; every string is copied into
    // a Python object (or owned CString) before that can happen. The copies of the
    // strings are taken first because decoding may change LC_CTYPE.
    unsafe {
        let lc = &*libc::localeconv();
        let owned = |p: *const c_char| -> CString {
            if p.is_null() {
                CString::default()
            } else {
                CStr::from_ptr(p).to_owned()
            }
        };
        let int_curr_symbol = owned(lc.int_curr_symbol);
        let currency_symbol = owned(lc.currency_symbol);
        let mon_decimal_point = owned(lc.mon_decimal_point);
        let mon_thousands_sep = owned(lc.mon_thousands_sep);
        let mon_grouping = owned(lc.mon_grouping);
        let positive_sign = owned(lc.positive_sign);
        let negative_sign = owned(lc.negative_sign);
        let decimal_point = owned(lc.decimal_point);
        let thousands_sep = owned(lc.thousands_sep);
        let grouping = owned(lc.grouping);
        let ints = [
            ("int_frac_digits", lc.int_frac_digits),
            ("frac_digits", lc.frac_digits),
            ("p_cs_precedes", lc.p_cs_precedes),
            ("p_sep_by_space", lc.p_sep_by_space),
            ("n_cs_precedes", lc.n_cs_precedes),
            ("n_sep_by_space", lc.n_sep_by_space),
            ("p_sign_posn", lc.p_sign_posn),
            ("n_sign_posn", lc.n_sign_posn),
        ];

        // Monetary information: LC_MONETARY encoding.
        decode_in_category(
            libc::LC_MONETARY,
            &[
                ("int_curr_symbol", &int_curr_symbol),
                ("currency_symbol", &currency_symbol),
                ("mon_decimal_point", &mon_decimal_point),
                ("mon_thousands_sep", &mon_thousands_sep),
            ],
            &result,
        )?;
        PyDict_SetItem(
            &result,
            &PyUnicode_FromString("mon_grouping"),
            &copy_grouping(&mon_grouping),
        )?;
        for (key, value) in [
            ("positive_sign", &positive_sign),
            ("negative_sign", &negative_sign),
        ] {
            PyDict_SetItem(&result, &PyUnicode_FromString(key), &*decode_locale(value)?)?;
        }
        for (key, value) in ints {
            PyDict_SetItem(
                &result,
                &PyUnicode_FromString(key),
                &PyLong_FromLong(i64::from(value as c_char)),
            )?;
        }
        // Numeric information: LC_NUMERIC encoding.
        decode_in_category(
            libc::LC_NUMERIC,
            &[
                ("decimal_point", &decimal_point),
                ("thousands_sep", &thousands_sep),
            ],
            &result,
        )?;
        PyDict_SetItem(
            &result,
            &PyUnicode_FromString("grouping"),
            &copy_grouping(&grouping),
        )?;
    }
    Ok(result.into_object())
}

/// `strcoll(os1, os2, /)`: compare two strings by the LC_COLLATE locale.
fn _locale_strcoll(_m: &PyObject, args: &[PyObjectRef]) -> PyResult {
    objects::getargs::check_positional("strcoll", args.len(), 2, 2)?;
    let os1 = unicode_arg("strcoll", 1, &args[0])?;
    let os2 = unicode_arg("strcoll", 2, &args[1])?;
    let ws1 = as_wide_string(os1)?;
    let ws2 = as_wide_string(os2)?;
    // SAFETY: both buffers are NUL-terminated wide strings.
    let r = unsafe { wcscoll(ws1.as_ptr(), ws2.as_ptr()) };
    Ok(PyLong_FromLong(i64::from(r)))
}

/// `strxfrm(string, /)`: the key whose plain comparison is the locale's collation.
fn _locale_strxfrm(_m: &PyObject, arg: &PyObject) -> PyResult {
    let s = unicode_arg("strxfrm", 0, arg)?;
    let ws = as_wide_string(s)?;
    let n1 = ws.len();
    let mut buf: Vec<libc::wchar_t> = vec![0; n1];
    // SAFETY: `ws` is NUL-terminated; `buf` holds `buf.len()` wide characters, the
    // size passed. errno is read right after the call.
    unsafe {
        *libc::__errno_location() = 0;
        let mut n2 = wcsxfrm(buf.as_mut_ptr(), ws.as_ptr(), buf.len());
        let err = *libc::__errno_location();
        if err != 0 && err != libc::ERANGE {
            return Err(objects::pyerrors::PyErr_SetFromErrno(err));
        }
        if n2 >= n1 {
            // More space needed.
            buf = vec![0; n2 + 1];
            *libc::__errno_location() = 0;
            n2 = wcsxfrm(buf.as_mut_ptr(), ws.as_ptr(), buf.len());
            let err = *libc::__errno_location();
            if err != 0 {
                return Err(objects::pyerrors::PyErr_SetFromErrno(err));
            }
        }
        Ok(from_wide(&buf[..n2.min(buf.len())]))
    }
}

/// The `nl_langinfo` keys CPython accepts (`langinfo_constants`).
static LANGINFO_CONSTANTS: [(&str, libc::nl_item); 56] = [
    ("DAY_1", libc::DAY_1),
    ("DAY_2", libc::DAY_2),
    ("DAY_3", libc::DAY_3),
    ("DAY_4", libc::DAY_4),
    ("DAY_5", libc::DAY_5),
    ("DAY_6", libc::DAY_6),
    ("DAY_7", libc::DAY_7),
    ("ABDAY_1", libc::ABDAY_1),
    ("ABDAY_2", libc::ABDAY_2),
    ("ABDAY_3", libc::ABDAY_3),
    ("ABDAY_4", libc::ABDAY_4),
    ("ABDAY_5", libc::ABDAY_5),
    ("ABDAY_6", libc::ABDAY_6),
    ("ABDAY_7", libc::ABDAY_7),
    ("MON_1", libc::MON_1),
    ("MON_2", libc::MON_2),
    ("MON_3", libc::MON_3),
    ("MON_4", libc::MON_4),
    ("MON_5", libc::MON_5),
    ("MON_6", libc::MON_6),
    ("MON_7", libc::MON_7),
    ("MON_8", libc::MON_8),
    ("MON_9", libc::MON_9),
    ("MON_10", libc::MON_10),
    ("MON_11", libc::MON_11),
    ("MON_12", libc::MON_12),
    ("ABMON_1", libc::ABMON_1),
    ("ABMON_2", libc::ABMON_2),
    ("ABMON_3", libc::ABMON_3),
    ("ABMON_4", libc::ABMON_4),
    ("ABMON_5", libc::ABMON_5),
    ("ABMON_6", libc::ABMON_6),
    ("ABMON_7", libc::ABMON_7),
    ("ABMON_8", libc::ABMON_8),
    ("ABMON_9", libc::ABMON_9),
    ("ABMON_10", libc::ABMON_10),
    ("ABMON_11", libc::ABMON_11),
    ("ABMON_12", libc::ABMON_12),
    ("RADIXCHAR", libc::RADIXCHAR),
    ("THOUSEP", libc::THOUSEP),
    ("CRNCYSTR", libc::CRNCYSTR),
    ("D_T_FMT", libc::D_T_FMT),
    ("D_FMT", libc::D_FMT),
    ("T_FMT", libc::T_FMT),
    ("AM_STR", libc::AM_STR),
    ("PM_STR", libc::PM_STR),
    ("CODESET", libc::CODESET),
    ("T_FMT_AMPM", libc::T_FMT_AMPM),
    ("ERA", libc::ERA),
    ("ERA_D_FMT", libc::ERA_D_FMT),
    ("ERA_D_T_FMT", libc::ERA_D_T_FMT),
    ("ERA_T_FMT", libc::ERA_T_FMT),
    ("ALT_DIGITS", libc::ALT_DIGITS),
    ("YESEXPR", libc::YESEXPR),
    ("NOEXPR", libc::NOEXPR),
    // glibc's `_DATE_FMT` (`_NL_ITEM (LC_TIME, 0x6c)`), which the libc crate lacks.
    ("_DATE_FMT", (libc::LC_TIME << 16) | 0x6c),
];

/// `nl_langinfo(key, /)`.
fn _locale_nl_langinfo(_m: &PyObject, arg: &PyObject) -> PyResult {
    let item = int_arg(arg)?;
    if !LANGINFO_CONSTANTS.iter().any(|&(_, v)| v == item) {
        return Err(value_error("unsupported langinfo constant"));
    }
    // SAFETY: `item` is one of glibc's string items; the result (NULL for ERA in
    // some glibc versions) is copied before the next locale call.
    unsafe { decode_c_result(libc::nl_langinfo(item)) }
}

/// `getencoding()`: the current locale's encoding (`_Py_GetLocaleEncoding`).
fn _locale_getencoding(_m: &PyObject) -> PyResult {
    // SAFETY: the result is copied at once.
    let codeset = unsafe {
        let p = libc::nl_langinfo(libc::CODESET);
        if p.is_null() {
            String::new()
        } else {
            CStr::from_ptr(p).to_string_lossy().into_owned()
        }
    };
    if codeset.is_empty() {
        // nl_langinfo() returns an empty string when the LC_CTYPE locale is not
        // supported (macOS).
        return Ok(PyUnicode_FromString("UTF-8"));
    }
    Ok(PyUnicode_FromString(&codeset))
}

fn opt_ptr(s: &Option<CString>) -> *const c_char {
    s.as_ref().map_or(std::ptr::null(), |c| c.as_ptr())
}

/// `gettext(msg, /)`.
fn _locale_gettext(_m: &PyObject, arg: &PyObject) -> PyResult {
    let msg = str_arg("gettext", 0, arg, false)?;
    // SAFETY: `msg` is a C string; the result is the C library's and is copied.
    unsafe { decode_c_result(gettext(opt_ptr(&msg))) }
}

/// `dgettext(domain, msg, /)`.
fn _locale_dgettext(_m: &PyObject, args: &[PyObjectRef]) -> PyResult {
    objects::getargs::check_positional("dgettext", args.len(), 2, 2)?;
    let domain = str_arg("dgettext", 1, &args[0], true)?;
    let msg = str_arg("dgettext", 2, &args[1], false)?;
    // SAFETY: as in `_locale_gettext`; a null domain means the current one.
    unsafe { decode_c_result(dgettext(opt_ptr(&domain), opt_ptr(&msg))) }
}

/// `dcgettext(domain, msg, category, /)`.
fn _locale_dcgettext(_m: &PyObject, args: &[PyObjectRef]) -> PyResult {
    objects::getargs::check_positional("dcgettext", args.len(), 3, 3)?;
    let domain = str_arg("dcgettext", 1, &args[0], true)?;
    let msg = str_arg("dcgettext", 2, &args[1], false)?;
    let category = int_arg(&args[2])?;
    // SAFETY: as in `_locale_gettext`.
    unsafe { decode_c_result(dcgettext(opt_ptr(&domain), opt_ptr(&msg), category)) }
}

/// `textdomain(domain, /)`.
fn _locale_textdomain(_m: &PyObject, arg: &PyObject) -> PyResult {
    let domain = str_arg("textdomain", 0, arg, true)?;
    // SAFETY: as in `_locale_gettext`; NULL means failure, with errno set.
    unsafe {
        let r = textdomain(opt_ptr(&domain));
        if r.is_null() {
            let err = *libc::__errno_location();
            return Err(objects::pyerrors::PyErr_SetFromErrno(err));
        }
        decode_c_result(r)
    }
}

/// `PyUnicode_FSConverter` as a C string (the converter refuses NUL bytes).
fn fs_converter(obj: &PyObject) -> PyResult<CString> {
    let bytes = crate::_io::fileio::fs_converter(obj)?;
    CString::new(bytes).map_err(|_| value_error("embedded null byte"))
}

/// `bindtextdomain(domain, dir, /)`.
fn _locale_bindtextdomain(_m: &PyObject, args: &[PyObjectRef]) -> PyResult {
    objects::getargs::check_positional("bindtextdomain", args.len(), 2, 2)?;
    let domain = str_arg("bindtextdomain", 1, &args[0], false)?.unwrap_or_default();
    if domain.is_empty() {
        return Err(locale_error("domain must be a non-empty string"));
    }
    let dirname = if args[1].is(Py_None()) {
        None
    } else {
        Some(fs_converter(&args[1])?)
    };
    // SAFETY: C strings in, the C library's string out (copied); NULL with errno on
    // failure.
    unsafe {
        let r = bindtextdomain(domain.as_ptr(), opt_ptr(&dirname));
        if r.is_null() {
            let err = *libc::__errno_location();
            return Err(objects::pyerrors::PyErr_SetFromErrno(err));
        }
        decode_c_result(r)
    }
}

/// `bind_textdomain_codeset(domain, codeset, /)`.
fn _locale_bind_textdomain_codeset(_m: &PyObject, args: &[PyObjectRef]) -> PyResult {
    objects::getargs::check_positional("bind_textdomain_codeset", args.len(), 2, 2)?;
    let domain = str_arg("bind_textdomain_codeset", 1, &args[0], false)?.unwrap_or_default();
    let codeset = str_arg("bind_textdomain_codeset", 2, &args[1], true)?;
    // SAFETY: as in `_locale_bindtextdomain`; NULL means no codeset.
    unsafe {
        let r = bind_textdomain_codeset(domain.as_ptr(), opt_ptr(&codeset));
        if r.is_null() {
            return Ok(none());
        }
        decode_c_result(r)
    }
}

static LOCALE_METHODS: [PyMethodDef; 12] = [
    PyMethodDef::new(
        "setlocale",
        PyCFunction::Fast(_locale_setlocale),
        "setlocale($module, category, locale=<unrepresentable>, /)\n--\n\nActivates/queries locale processing.",
    ),
    PyMethodDef::new(
        "localeconv",
        PyCFunction::NoArgs(_locale_localeconv),
        "localeconv($module, /)\n--\n\nReturns numeric and monetary locale-specific parameters.",
    ),
    PyMethodDef::new(
        "strcoll",
        PyCFunction::Fast(_locale_strcoll),
        "strcoll($module, os1, os2, /)\n--\n\nCompares two strings according to the locale.",
    ),
    PyMethodDef::new(
        "strxfrm",
        PyCFunction::O(_locale_strxfrm),
        "strxfrm($module, string, /)\n--\n\nReturn a string that can be used as a key for locale-aware comparisons.",
    ),
    PyMethodDef::new(
        "nl_langinfo",
        PyCFunction::O(_locale_nl_langinfo),
        "nl_langinfo($module, key, /)\n--\n\nReturn the value for the locale information associated with key.",
    ),
    PyMethodDef::new(
        "gettext",
        PyCFunction::O(_locale_gettext),
        "gettext($module, msg, /)\n--\n\ngettext(msg) -> string\n\nReturn translation of msg.",
    ),
    PyMethodDef::new(
        "dgettext",
        PyCFunction::Fast(_locale_dgettext),
        "dgettext($module, domain, msg, /)\n--\n\ndgettext(domain, msg) -> string\n\nReturn translation of msg in domain.",
    ),
    PyMethodDef::new(
        "dcgettext",
        PyCFunction::Fast(_locale_dcgettext),
        "dcgettext($module, domain, msg, category, /)\n--\n\nReturn translation of msg in domain and category.",
    ),
    PyMethodDef::new(
        "textdomain",
        PyCFunction::O(_locale_textdomain),
        "textdomain($module, domain, /)\n--\n\nSet the C library's textdmain to domain, returning the new domain.",
    ),
    PyMethodDef::new(
        "bindtextdomain",
        PyCFunction::Fast(_locale_bindtextdomain),
        "bindtextdomain($module, domain, dir, /)\n--\n\nBind the C library's domain to dir.",
    ),
    PyMethodDef::new(
        "bind_textdomain_codeset",
        PyCFunction::Fast(_locale_bind_textdomain_codeset),
        "bind_textdomain_codeset($module, domain, codeset, /)\n--\n\nBind the C library's domain to codeset.",
    ),
    PyMethodDef::new(
        "getencoding",
        PyCFunction::NoArgs(_locale_getencoding),
        "getencoding($module, /)\n--\n\nGet the current locale encoding.",
    ),
];

/// Make the `_locale` module (`PyInit__locale` and `_locale_exec`).
pub fn PyInit__locale() -> PyResult<PyRef<PyModuleObject>> {
    let m = PyModule_New("_locale")?;
    PyModule_AddObject(
        &m,
        "__doc__",
        &PyUnicode_FromString("Support for POSIX locales."),
    )?;
    PyModule_AddFunctions(&m, &LOCALE_METHODS)?;
    for (name, value) in [
        ("LC_CTYPE", libc::LC_CTYPE),
        ("LC_TIME", libc::LC_TIME),
        ("LC_COLLATE", libc::LC_COLLATE),
        ("LC_MONETARY", libc::LC_MONETARY),
        ("LC_MESSAGES", libc::LC_MESSAGES),
        ("LC_NUMERIC", libc::LC_NUMERIC),
        ("LC_ALL", libc::LC_ALL),
        ("CHAR_MAX", c_int::from(libc::c_char::MAX)),
    ] {
        PyModule_AddObject(&m, name, &PyLong_FromLong(i64::from(value)))?;
    }
    PyModule_AddObject(&m, "Error", error_type()?.as_object())?;
    for (name, value) in LANGINFO_CONSTANTS.iter() {
        PyModule_AddObject(&m, name, &PyLong_FromLong(i64::from(*value)))?;
    }
    Ok(m)
}
