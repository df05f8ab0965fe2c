//! The table of native modules built into `pyrs`. Mirrors Modules/config.c
//! (CPython 3.11), whose `_PyImport_Inittab` lists every built-in module.

/// Register every native module with the import system (`_PyImport_Inittab`).
pub fn register_builtin_modules() {
    python::import::PyImport_AppendInittab("_abc", crate::_abc::PyInit__abc);
    python::import::PyImport_AppendInittab("_ast", python::python_ast::PyInit__ast);
    python::import::PyImport_AppendInittab("_codecs", crate::_codecsmodule::PyInit__codecs);
    objects::codecs::set_codec_fallback(crate::_codecsmodule::codec_fallback);
    python::import::PyImport_AppendInittab(
        "_collections",
        crate::_collectionsmodule::PyInit__collections,
    );
    python::import::PyImport_AppendInittab("_csv", crate::_csv::PyInit__csv);
    python::import::PyImport_AppendInittab("_bisect", crate::_bisect::PyInit__bisect);
    python::import::PyImport_AppendInittab("_heapq", crate::_heapq::PyInit__heapq);
    python::import::PyImport_AppendInittab(
        "_functools",
        crate::_functoolsmodule::PyInit__functools,
    );
    python::import::PyImport_AppendInittab("_contextvars", python::context::PyInit__contextvars);
    python::import::PyImport_AppendInittab("_io", crate::_io::PyInit__io);
    python::import::PyImport_AppendInittab("_json", crate::_json::PyInit__json);
    python::import::PyImport_AppendInittab("_locale", crate::_localemodule::PyInit__locale);
    python::import::PyImport_AppendInittab("_operator", crate::_operator::PyInit__operator);
    python::import::PyImport_AppendInittab("_opcode", crate::_opcode::PyInit__opcode);
    python::import::PyImport_AppendInittab("_sre", crate::_sre::PyInit__sre);
    python::import::PyImport_AppendInittab("_signal", crate::signalmodule::PyInit__signal);
    python::import::PyImport_AppendInittab("_thread", crate::_threadmodule::PyInit__thread);
    python::import::PyImport_AppendInittab("_typing", crate::_typingmodule::PyInit__typing);
    python::import::PyImport_AppendInittab(
        "_testinternalcapi",
        crate::_testinternalcapi::PyInit__testinternalcapi,
    );
    python::import::PyImport_AppendInittab("_warnings", python::_warnings::PyInit__warnings);
    python::import::PyImport_AppendInittab("_weakref", crate::_weakref::PyInit__weakref);
    python::import::PyImport_AppendInittab("gc", crate::gcmodule::PyInit_gc);
    python::import::PyImport_AppendInittab("itertools", crate::itertoolsmodule::PyInit_itertools);
    python::import::PyImport_AppendInittab("marshal", python::marshal::PyMarshal_Init);
    python::import::PyImport_AppendInittab("math", crate::mathmodule::PyInit_math);
    python::import::PyImport_AppendInittab("posix", crate::posixmodule::PyInit_posix);
    python::import::PyImport_AppendInittab(
        "_posixsubprocess",
        crate::_posixsubprocess::PyInit__posixsubprocess,
    );
    python::import::PyImport_AppendInittab("select", crate::selectmodule::PyInit_select);
    python::import::PyImport_AppendInittab("_socket", crate::socketmodule::PyInit__socket);
    python::import::PyImport_AppendInittab("_random", crate::_randommodule::PyInit__random);
    python::import::PyImport_AppendInittab("_sha512", crate::sha512module::PyInit__sha512);
    python::import::PyImport_AppendInittab("_md5", crate::md5module::PyInit__md5);
    python::import::PyImport_AppendInittab("_sha1", crate::sha1module::PyInit__sha1);
    python::import::PyImport_AppendInittab("_sha256", crate::sha256module::PyInit__sha256);
    python::import::PyImport_AppendInittab("_sha3", crate::_sha3::sha3module::PyInit__sha3);
    python::import::PyImport_AppendInittab("_blake2", crate::_blake2::blake2module::PyInit__blake2);
    python::import::PyImport_AppendInittab("_string", crate::_string::PyInit__string);
    python::import::PyImport_AppendInittab("_struct", crate::_struct::PyInit__struct);
    python::import::PyImport_AppendInittab("_stat", crate::_stat::PyInit__stat);
    python::import::PyImport_AppendInittab("errno", crate::errnomodule::PyInit_errno);
    python::import::PyImport_AppendInittab(
        "faulthandler",
        crate::faulthandler::PyInit_faulthandler,
    );
    python::import::PyImport_AppendInittab("array", crate::arraymodule::PyInit_array);
    python::import::PyImport_AppendInittab("atexit", crate::atexitmodule::PyInit_atexit);
    python::import::PyImport_AppendInittab("binascii", crate::binascii::PyInit_binascii);
    python::import::PyImport_AppendInittab("time", crate::timemodule::PyInit_time);
    python::import::PyImport_AppendInittab("cmath", crate::cmathmodule::PyInit_cmath);
    python::import::PyImport_AppendInittab("unicodedata", crate::unicodedata::PyInit_unicodedata);
    python::import::PyImport_AppendInittab("zlib", crate::zlibmodule::PyInit_zlib);
    // The collector is always present, imported or not (`_PyGC_Init` at start-up).
    crate::gcmodule::_PyGC_Init();
}
