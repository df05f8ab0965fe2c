//! "Did you mean" suggestions for `NameError` and `AttributeError`. Mirrors
//! Python/suggestions.c (CPython 3.11): a Levenshtein distance where changing case
//! costs 1 and any other edit 2, over at most 750 candidates of at most 40 bytes, and
//! a candidate is offered only if no more than a third of the characters change.

use objects::exceptions::*;
use objects::frameobject::PyFrameObject;
use objects::object::*;
use objects::prelude::*;
use objects::unicodeobject::PyUnicodeObject;

const MAX_CANDIDATE_ITEMS: usize = 750;
const MAX_STRING_SIZE: usize = 40;
const MOVE_COST: usize = 2;
const CASE_COST: usize = 1;

fn substitution_cost(a: u8, b: u8) -> usize {
    if a & 31 != b & 31 {
        return MOVE_COST;
    }
    if a == b {
        return 0;
    }
    if a.eq_ignore_ascii_case(&b) {
        return CASE_COST;
    }
    MOVE_COST
}

/// `levenshtein_distance`, giving up (returning `max_cost + 1`) as soon as the answer
/// must exceed `max_cost`.
fn levenshtein_distance(a: &[u8], b: &[u8], max_cost: usize) -> usize {
    let (mut a, mut b) = (a, b);
    while !a.is_empty() && !b.is_empty() && a[0] == b[0] {
        a = &a[1..];
        b = &b[1..];
    }
    while !a.is_empty() && !b.is_empty() && a[a.len() - 1] == b[b.len() - 1] {
        a = &a[..a.len() - 1];
        b = &b[..b.len() - 1];
    }
    if a.is_empty() || b.is_empty() {
        return (a.len() + b.len()) * MOVE_COST;
    }
    if a.len() > MAX_STRING_SIZE || b.len() > MAX_STRING_SIZE {
        return max_cost + 1;
    }
    if b.len() < a.len() {
        std::mem::swap(&mut a, &mut b);
    }
    if (b.len() - a.len()) * MOVE_COST > max_cost {
        return max_cost + 1;
    }
    let mut buffer = [0usize; MAX_STRING_SIZE];
    let mut tmp = MOVE_COST;
    for slot in buffer.iter_mut().take(a.len()) {
        *slot = tmp;
        tmp += MOVE_COST;
    }
    let mut result = 0;
    for (b_index, &code) in b.iter().enumerate() {
        result = b_index * MOVE_COST;
        let mut distance = result;
        let mut minimum = usize::MAX;
        for (index, &ac) in a.iter().enumerate() {
            let substitute = distance + substitution_cost(code, ac);
            distance = buffer[index];
            let insert_delete = result.min(distance) + MOVE_COST;
            result = insert_delete.min(substitute);
            buffer[index] = result;
            minimum = minimum.min(result);
        }
        if minimum > max_cost {
            return max_cost + 1;
        }
    }
    result
}

/// `calculate_suggestions`: the closest candidate to `name`, if close enough.
pub fn calculate_suggestions(dir: &[PyObjectRef], name: &PyObject) -> Option<PyObjectRef> {
    if dir.len() >= MAX_CANDIDATE_ITEMS {
        return None;
    }
    let name_str = name
        .downcast_ref::<PyUnicodeObject>()?
        .as_str()?
        .as_bytes()
        .to_vec();
    let mut best: Option<PyObjectRef> = None;
    let mut best_distance = usize::MAX;
    for item in dir {
        let item_str = item.downcast_ref::<PyUnicodeObject>()?.as_str()?;
        if item_str.as_bytes() == name_str.as_slice() {
            continue;
        }
        let max_distance = ((name_str.len() + item_str.len() + 3) * MOVE_COST / 6)
            .min(best_distance.saturating_sub(1));
        let d = levenshtein_distance(&name_str, item_str.as_bytes(), max_distance);
        if d > max_distance {
            continue;
        }
        if best.is_none() || d < best_distance {
            best = Some(item.clone());
            best_distance = d;
        }
    }
    best
}

fn keys_of(mapping: &PyObject) -> Vec<PyObjectRef> {
    match mapping.downcast_ref::<objects::dictobject::PyDictObject>() {
        Some(d) => objects::dictobject::PyDict_Keys(d).to_vec(),
        None => Vec::new(),
    }
}

fn offer_for_name_error(exc: &PyObject) -> Option<PyObjectRef> {
    let name = _PyObject_LookupAttr(exc, objects::intern!("name"))
        .ok()
        .flatten()?;
    if !name.is_type(&objects::unicodeobject::PyUnicode_Type) {
        return None;
    }
    let mut tb = exc_traceback(exc)?;
    if !crate::traceback::is_traceback(&tb) {
        return None;
    }
    while let Some(next) = crate::traceback::tb_next(&tb) {
        tb = next;
    }
    let frame = crate::traceback::tb_frame(&tb)?;
    let frame = frame.downcast_ref::<PyFrameObject>()?;
    let f = frame.iframe();
    let varnames = PyObject_GetAttr(f.f_code.as_object(), objects::intern!("co_varnames")).ok()?;
    let dir = objects::r#abstract::PySequence_Fast(&varnames, "").ok()?;
    if let Some(s) = calculate_suggestions(&dir, &name) {
        return Some(s);
    }
    // SAFETY: a frame's globals and builtins are alive while the frame object is.
    let (globals, builtins) = unsafe { (f.f_globals.as_ref(), f.f_builtins.as_ref()) };
    if let Some(s) = calculate_suggestions(&keys_of(globals), &name) {
        return Some(s);
    }
    calculate_suggestions(&keys_of(builtins), &name)
}

fn offer_for_attribute_error(exc: &PyObject) -> Option<PyObjectRef> {
    let name = _PyObject_LookupAttr(exc, objects::intern!("name"))
        .ok()
        .flatten()?;
    let obj = _PyObject_LookupAttr(exc, objects::intern!("obj"))
        .ok()
        .flatten()?;
    if !name.is_type(&objects::unicodeobject::PyUnicode_Type)
        || obj.is(Py_None()) && !exc_has_obj(exc)
    {
        return None;
    }
    let dir = crate::bltinmodule::builtin_dir_of(&obj).ok()?;
    let dir = objects::r#abstract::PySequence_Fast(&dir, "").ok()?;
    calculate_suggestions(&dir, &name)
}

fn exc_has_obj(exc: &PyObject) -> bool {
    // An AttributeError made without `obj` has obj None; only suggest when it was set.
    _PyObject_LookupAttr(exc, objects::intern!("obj"))
        .ok()
        .flatten()
        .is_some()
}

/// `_Py_Offer_Suggestions`: the suggestion for an exception, if any.
pub fn _Py_Offer_Suggestions(exc: &PyObject) -> Option<PyObjectRef> {
    if PyErr_GivenExceptionMatches(exc, PyExc_AttributeError.as_object()) {
        return offer_for_attribute_error(exc);
    }
    if PyErr_GivenExceptionMatches(exc, PyExc_NameError.as_object()) {
        return offer_for_name_error(exc);
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn distances() {
        assert_eq!(levenshtein_distance(b"print", b"print", 10), 0);
        assert_eq!(levenshtein_distance(b"pritn", b"print", 10), 4);
        assert_eq!(levenshtein_distance(b"Print", b"print", 10), 1);
        assert_eq!(levenshtein_distance(b"abc", b"", 10), 6);
    }
}
