//! Parsing the arguments of built-in functions. Mirrors the parts of Python/getargs.c
//! (CPython 3.11) that Argument Clinic's generated code calls, with the same error
//! messages.
//!
//! Differences from CPython: this lives in `objects` because built-in types parse
//! their arguments too and `objects` is below `python`; there are no format strings —
//! a function names its parameters and gets back one `Option` per parameter.

use crate::call::kwnames_slice;
use crate::prelude::*;
use crate::unicodeobject::as_str_lossy;

fn plural(n: usize) -> &'static str {
    if n == 1 {
        ""
    } else {
        "s"
    }
}

/// `_PyArg_CheckPositional`: `name expected 2 arguments, got 3`.
pub fn check_positional(name: &str, nargs: usize, min: usize, max: usize) -> PyResult<()> {
    if nargs < min {
        return Err(type_error(if min == max {
            format!("{name} expected {min} argument{}, got {nargs}", plural(min))
        } else {
            format!(
                "{name} expected at least {min} argument{}, got {nargs}",
                plural(min)
            )
        }));
    }
    if nargs > max {
        return Err(type_error(if min == max {
            format!("{name} expected {max} argument{}, got {nargs}", plural(max))
        } else {
            format!(
                "{name} expected at most {max} argument{}, got {nargs}",
                plural(max)
            )
        }));
    }
    Ok(())
}

/// `_PyArg_NoKeywords`: `name() takes no keyword arguments`.
pub fn check_no_kwargs(name: &str, kwnames: Option<&PyObject>) -> PyResult<()> {
    if kwnames.is_some_and(|k| crate::call::kwnames_len(k) > 0) {
        return Err(type_error(format!("{name}() takes no keyword arguments")));
    }
    Ok(())
}

/// The positional part of a vectorcall argument array (the keyword values follow it).
pub fn positional_args<'a>(
    args: &'a [PyObjectRef],
    kwnames: Option<&PyObject>,
) -> &'a [PyObjectRef] {
    &args[..args.len() - kwnames_slice(kwnames).len()]
}

/// CPython's `type == &X_type || type->tp_init == X_type.tp_init` before a `tp_new`
/// refuses keyword arguments: a subclass with its own `__init__` may take keywords,
/// which `tp_new` then ignores.
pub fn takes_no_kwargs(tp: &PyTypeObject, base: &PyTypeObject) -> bool {
    std::ptr::eq(tp, base)
        || tp.tp_init.get().map(|f| f as usize) == base.tp_init.get().map(|f| f as usize)
}

/// `_PyArg_NoPositional`: `name() takes no positional arguments`.
pub fn check_no_positional(name: &str, nargs: usize) -> PyResult<()> {
    if nargs > 0 {
        return Err(type_error(format!(
            "{name}() takes no positional arguments"
        )));
    }
    Ok(())
}

/// The shape of a function's parameters, as Argument Clinic describes them.
pub struct ArgSpec<'a> {
    /// The function's name for messages (`"sorted"`, `"int"`).
    pub fname: &'a str,
    /// Parameter names in order; positional-only ones first, then
    /// positional-or-keyword, then keyword-only.
    pub names: &'a [&'a str],
    /// How many leading parameters are positional-only.
    pub posonly: usize,
    /// How many parameters may be given positionally.
    pub maxpos: usize,
    /// How many leading parameters are required (positional ones), plus any
    /// keyword-only parameter listed in `required_kwonly`.
    pub minpos: usize,
    /// Keyword-only parameters that are required.
    pub required_kwonly: &'a [&'a str],
}

/// `_PyArg_UnpackKeywords`: match a vectorcall against `spec`; one entry per
/// parameter, `None` where it was not given.
pub fn unpack_keywords(
    spec: &ArgSpec,
    args: &[PyObjectRef],
    kwnames: Option<&PyObject>,
) -> PyResult<Vec<Option<PyObjectRef>>> {
    let kwn = kwnames_slice(kwnames);
    let nargs = args.len() - kwn.len();
    let fname = spec.fname;
    // More arguments than parameters, counting keywords: CPython checks this first,
    // with a message that does not say "positional".
    let maxargs = spec.names.len();
    if nargs + kwn.len() > maxargs {
        return Err(type_error(format!(
            "{fname}() takes at most {maxargs} {}argument{} ({} given)",
            if nargs == 0 { "keyword " } else { "" },
            plural(maxargs),
            nargs + kwn.len()
        )));
    }
    if nargs > spec.maxpos {
        let how = if spec.minpos < spec.maxpos {
            "at most"
        } else {
            "exactly"
        };
        let msg = if spec.maxpos == 0 {
            format!("{fname}() takes no positional arguments")
        } else {
            format!(
                "{fname}() takes {how} {} positional argument{} ({nargs} given)",
                spec.maxpos,
                plural(spec.maxpos)
            )
        };
        return Err(type_error(msg));
    }
    // Missing positional-only arguments are reported before any keyword is looked
    // at (`f(x=1)` for `f(x, /)` says "takes exactly 1 positional argument").
    let minposonly = spec.posonly.min(spec.minpos);
    if nargs < minposonly {
        return Err(type_error(format!(
            "{fname}() takes {} {minposonly} positional argument{} ({nargs} given)",
            if minposonly < spec.maxpos {
                "at least"
            } else {
                "exactly"
            },
            plural(minposonly)
        )));
    }
    let mut out: Vec<Option<PyObjectRef>> = vec![None; spec.names.len()];
    for (i, a) in args[..nargs].iter().enumerate() {
        out[i] = Some(a.clone());
    }
    for (k, v) in kwn.iter().zip(&args[nargs..]) {
        let key = as_str_lossy(k);
        let pos = spec.names.iter().position(|n| *n == key && !n.is_empty());
        match pos {
            Some(i) if i >= spec.posonly => {
                if out[i].is_some() {
                    return Err(type_error(format!(
                        "argument for {fname}() given by name ('{key}') and position ({})",
                        i + 1
                    )));
                }
                out[i] = Some(v.clone());
            }
            _ => {
                return Err(type_error(format!(
                    "'{key}' is an invalid keyword argument for {fname}()"
                )));
            }
        }
    }
    // Indexes `out` and `spec.names` together, as CPython's loop over the parameters.
    #[allow(clippy::needless_range_loop)]
    for i in 0..spec.minpos {
        if out[i].is_none() {
            if i < spec.posonly || spec.names[i].is_empty() {
                return Err(type_error(format!(
                    "{fname}() takes {} {} positional argument{} ({nargs} given)",
                    if spec.minpos < spec.maxpos {
                        "at least"
                    } else {
                        "exactly"
                    },
                    spec.minpos,
                    plural(spec.minpos)
                )));
            }
            return Err(type_error(format!(
                "{fname}() missing required argument '{}' (pos {})",
                spec.names[i],
                i + 1
            )));
        }
    }
    for name in spec.required_kwonly {
        if let Some(i) = spec.names.iter().position(|n| n == name) {
            if out[i].is_none() {
                return Err(type_error(format!(
                    "{fname}() missing required keyword-only argument '{name}'"
                )));
            }
        }
    }
    Ok(out)
}

/// The common case: every parameter positional-or-keyword, the first `required` of
/// them required.
pub fn parse_args(
    fname: &str,
    args: &[PyObjectRef],
    kwnames: Option<&PyObject>,
    names: &[&str],
    required: usize,
) -> PyResult<Vec<Option<PyObjectRef>>> {
    unpack_keywords(
        &ArgSpec {
            fname,
            names,
            posonly: 0,
            maxpos: names.len(),
            minpos: required,
            required_kwonly: &[],
        },
        args,
        kwnames,
    )
}
