//! The `_blake2` module: the `blake2b` and `blake2s` types and their size
//! constants. Mirrors Modules/_blake2/blake2module.c (CPython 3.11).

use objects::dictobject::{PyDictObject, PyDict_SetItemString};
use objects::longobject::PyLong_FromLong;
use objects::moduleobject::{PyModuleObject, PyModule_AddObject, PyModule_New};
use objects::prelude::*;
use objects::typeobject::PyType_Ready;
use objects::unicodeobject::PyUnicode_FromString;

use super::blake2b_impl::{
    PyBlake2_BLAKE2bType, BLAKE2B_KEYBYTES, BLAKE2B_OUTBYTES, BLAKE2B_PERSONALBYTES,
    BLAKE2B_SALTBYTES,
};
use super::blake2s_impl::{
    PyBlake2_BLAKE2sType, BLAKE2S_KEYBYTES, BLAKE2S_OUTBYTES, BLAKE2S_PERSONALBYTES,
    BLAKE2S_SALTBYTES,
};

/// Ready `tp` and give it the class attributes `SALT_SIZE`, `PERSON_SIZE`,
/// `MAX_KEY_SIZE` and `MAX_DIGEST_SIZE` (`ADD_INT` on the type's dict).
fn ready_type(tp: &'static PyTypeObject, sizes: [(&str, usize); 4]) -> PyResult<()> {
    PyType_Ready(tp)?;
    let dict = tp.tp_dict.get();
    let dict = dict
        .as_ref()
        .and_then(|d| d.downcast_ref::<PyDictObject>())
        .ok_or_else(|| system_error("type has no dict"))?;
    for (name, value) in sizes {
        PyDict_SetItemString(dict, name, &PyLong_FromLong(value as i64))?;
    }
    Ok(())
}

/// Make the `_blake2` module (`blake2_exec`).
pub fn PyInit__blake2() -> PyResult<PyRef<PyModuleObject>> {
    let m = PyModule_New("_blake2")?;
    PyModule_AddObject(
        &m,
        "__doc__",
        &PyUnicode_FromString("_blake2b provides BLAKE2b for hashlib\n"),
    )?;
    ready_type(
        &PyBlake2_BLAKE2bType,
        [
            ("SALT_SIZE", BLAKE2B_SALTBYTES),
            ("PERSON_SIZE", BLAKE2B_PERSONALBYTES),
            ("MAX_KEY_SIZE", BLAKE2B_KEYBYTES),
            ("MAX_DIGEST_SIZE", BLAKE2B_OUTBYTES),
        ],
    )?;
    PyModule_AddObject(&m, "blake2b", PyBlake2_BLAKE2bType.as_object())?;
    for (name, value) in [
        ("BLAKE2B_SALT_SIZE", BLAKE2B_SALTBYTES),
        ("BLAKE2B_PERSON_SIZE", BLAKE2B_PERSONALBYTES),
        ("BLAKE2B_MAX_KEY_SIZE", BLAKE2B_KEYBYTES),
        ("BLAKE2B_MAX_DIGEST_SIZE", BLAKE2B_OUTBYTES),
    ] {
        PyModule_AddObject(&m, name, &PyLong_FromLong(value as i64))?;
    }
    ready_type(
        &PyBlake2_BLAKE2sType,
        [
            ("SALT_SIZE", BLAKE2S_SALTBYTES),
            ("PERSON_SIZE", BLAKE2S_PERSONALBYTES),
            ("MAX_KEY_SIZE", BLAKE2S_KEYBYTES),
            ("MAX_DIGEST_SIZE", BLAKE2S_OUTBYTES),
        ],
    )?;
    PyModule_AddObject(&m, "blake2s", PyBlake2_BLAKE2sType.as_object())?;
    for (name, value) in [
        ("BLAKE2S_SALT_SIZE", BLAKE2S_SALTBYTES),
        ("BLAKE2S_PERSON_SIZE", BLAKE2S_PERSONALBYTES),
        ("BLAKE2S_MAX_KEY_SIZE", BLAKE2S_KEYBYTES),
        ("BLAKE2S_MAX_DIGEST_SIZE", BLAKE2S_OUTBYTES),
    ] {
        PyModule_AddObject(&m, name, &PyLong_FromLong(value as i64))?;
    }
    Ok(m)
}
