//! The `_ast` module: the AST node classes and `ast2obj`, the conversion of the
//! parser's AST to Python objects that `compile(..., PyCF_ONLY_AST)` returns.
//! Mirrors Python/Python-ast.c (CPython 3.11).
//!
//! Differences from CPython: Python-ast.c is generated from Parser/Python.asdl by
//! Parser/asdl_c.py; pyrs generates only the node table (python_ast_gen.rs, by
//! tools/gen_ast.py reading the host CPython 3.11) and turns it into classes at
//! start-up here (`init_types`). The AST converted is rustpython-parser's, whose
//! shape differs from CPython's in places (`ArgWithDefault` in `arguments`,
//! `Constant` without `kind` for bytes); `ast2obj_*` rebuild CPython's shape.
//! `obj2ast` (compiling an AST object) is in python_ast_obj2ast.rs.

use std::cell::Cell;
use std::collections::HashMap;
use std::mem::size_of;
use std::rc::Rc;

use include::cpython::object::flags::*;
use include::descrobject::PyGetSetDef;
use include::methodobject::{PyCFunction, PyMethodDef};
use include::object::GlobalCell;
use objects::call::{kwnames_len, kwnames_slice, PyObject_Call, PyObject_CallNoArgs};
use objects::dictobject::{PyDictObject, PyDict_New, PyDict_SetItemString};
use objects::listobject::PyList_New;
use objects::moduleobject::{PyModuleObject, PyModule_AddObject, PyModule_New};
use objects::object::*;
use objects::obmalloc::*;
use objects::prelude::*;
use objects::r#abstract::PySequence_Fast;
use objects::tupleobject::PyTuple_New;
use objects::typeobject::{PyType_Ready, PyType_Type};
use objects::unicodeobject::PyUnicode_FromString;
use rustpython_parser::ast::{self, Ranged};

use crate::compile::LineIndex;
use crate::python_ast_gen::NODES;

/// `PyCF_ONLY_AST`: `compile()` returns the AST instead of a code object.
pub const PyCF_ONLY_AST: i64 = 0x0400;
/// `PyCF_TYPE_COMMENTS`.
pub const PyCF_TYPE_COMMENTS: i64 = 0x1000;
/// `PyCF_ALLOW_TOP_LEVEL_AWAIT`.
pub const PyCF_ALLOW_TOP_LEVEL_AWAIT: i64 = 0x2000;

/// One field of a node: its name, ASDL type and quantifier ("", "?" or "*").
pub struct Field {
    pub name: &'static str,
    pub ty: &'static str,
    pub quant: &'static str,
}

/// One class of `_ast`, as Parser/asdl_c.py's `visitProduct`/`visitConstructor`
/// see it.
pub struct NodeDef {
    pub name: &'static str,
    pub base: &'static str,
    pub fields: &'static [Field],
    /// `_attributes`, where the class defines its own.
    pub attributes: Option<&'static [&'static str]>,
    /// Class attributes that are None: the optional (`?`) fields and attributes.
    pub none_defaults: &'static [&'static str],
    pub doc: Option<&'static str>,
}

/// `AST_object`: every node is a plain object with a `__dict__`.
#[repr(C)]
pub struct AST_object {
    pub ob_base: PyObject,
    pub dict: PyCell<Option<PyObjectRef>>,
}

// SAFETY: `#[repr(C)]` with the header first.
unsafe impl PyObjectLayout for AST_object {}

fn ast_new(tp: &PyTypeObject, _args: &[PyObjectRef], _kwnames: Option<&PyObject>) -> PyResult {
    // SAFETY: `tp` is AST or a subclass; the fields are complete.
    Ok(unsafe {
        alloc_object(
            tp,
            AST_object {
                ob_base: PyObject_HEAD_INIT,
                dict: PyCell::new(None),
            },
        )
    }
    .into_object())
}

unsafe fn ast_dealloc(op: *mut PyObject) {
    // SAFETY: `op` is a dead AST node.
    unsafe { dealloc_object::<AST_object>(op) }
}

fn ast_traverse(obj: &PyObject, visit: &mut dyn FnMut(&PyObject)) {
    // SAFETY: installed on AST nodes; traversal runs no Python code.
    let node = unsafe { &*(obj as *const PyObject as *const AST_object) };
    if let Some(d) = unsafe { node.dict.get_ref() } {
        visit(d);
    }
}

/// `ast_type_init`: positional arguments fill `_fields` in order, keywords set
/// attributes by name.
fn ast_type_init(obj: &PyObject, args: &[PyObjectRef], kwnames: Option<&PyObject>) -> PyResult<()> {
    let nkw = kwnames.map_or(0, kwnames_len);
    let npos = args.len() - nkw;
    let tp = obj.ob_type().as_object().to_owned();
    let fields = match _PyObject_LookupAttr(&tp, objects::intern!("_fields"))? {
        Some(f) => PySequence_Fast(&f, "")?,
        None => Vec::new(),
    };
    if npos > fields.len() {
        return Err(type_error(format!(
            "{} constructor takes at most {} positional argument{}",
            obj.ob_type().name(),
            fields.len(),
            if fields.len() == 1 { "" } else { "s" }
        )));
    }
    for (name, value) in fields.iter().zip(&args[..npos]) {
        PyObject_SetAttr(obj, name, Some(value))?;
    }
    for (name, value) in kwnames_slice(kwnames).iter().zip(&args[npos..]) {
        // `PySequence_Index(fields, key)`: a keyword naming a field that a
        // positional argument filled is an error.
        let mut position = None;
        for (i, f) in fields.iter().enumerate() {
            if objects::object::PyObject_RichCompareBool(f, name, objects::CompareOp::Eq)? {
                position = Some(i);
                break;
            }
        }
        if position.is_some_and(|p| p < npos) {
            return Err(type_error(format!(
                "{} got multiple values for argument '{}'",
                obj.ob_type().name(),
                objects::unicodeobject::as_str_lossy(name)
            )));
        }
        PyObject_SetAttr(obj, name, Some(value))?;
    }
    Ok(())
}

/// `ast_type_reduce`: `(type, (), __dict__)`, or `(type, ())` without a dict.
fn ast_type_reduce(obj: &PyObject) -> PyResult {
    let tp = obj.ob_type().as_object().to_owned();
    let empty = PyTuple_New(Vec::new()).into_object();
    Ok(
        match _PyObject_LookupAttr(obj, objects::intern!("__dict__"))? {
            Some(d) => PyTuple_New(vec![tp, empty, d]),
            None => PyTuple_New(vec![tp, empty]),
        }
        .into_object(),
    )
}

fn ast_get_dict(obj: &PyObject) -> PyResult {
    _PyObject_GetOrCreateDict(obj).ok_or_else(|| attribute_error("This object has no __dict__"))
}

fn ast_set_dict(obj: &PyObject, value: Option<&PyObject>) -> PyResult<()> {
    let Some(slot) = _PyObject_GetDictPtr(obj) else {
        return Err(attribute_error("This object has no __dict__"));
    };
    match value {
        Some(v) if PyDictObject::check(v) => slot.set(Some(v.to_owned())),
        Some(v) => {
            return Err(type_error(format!(
                "__dict__ must be set to a dictionary, not a '{}'",
                v.ob_type().name()
            )))
        }
        None => slot.set(None),
    }
    Ok(())
}

static AST_TYPE_METHODS: [PyMethodDef; 1] = [PyMethodDef::new(
    "__reduce__",
    PyCFunction::NoArgs(ast_type_reduce),
    "",
)];

static AST_TYPE_GETSETS: [PyGetSetDef; 1] =
    [PyGetSetDef::getset("__dict__", ast_get_dict, ast_set_dict)];

/// `AST_type`, the base of every node class.
pub static AST_type: PyTypeObject = PyTypeObject {
    ob_base: PyObject::new_static(&PyType_Type),
    tp_name: "ast.AST",
    tp_basicsize: Cell::new(size_of::<AST_object>()),
    tp_dealloc: slot(ast_dealloc),
    tp_getattro: slot(PyObject_GenericGetAttr),
    tp_setattro: slot(PyObject_GenericSetAttr),
    tp_flags: Cell::new(Py_TPFLAGS_DEFAULT | Py_TPFLAGS_HAVE_GC | Py_TPFLAGS_BASETYPE),
    tp_traverse: slot(ast_traverse),
    tp_methods: &AST_TYPE_METHODS,
    tp_getset: &AST_TYPE_GETSETS,
    tp_dictoffset: Cell::new(std::mem::offset_of!(AST_object, dict)),
    tp_init: slot(ast_type_init),
    tp_new: slot(ast_new),
    ..PyTypeObject::DEFAULT
};

/// `struct ast_state`: the node classes by name, and the instances shared by every
/// `Load`, `Add`, `Eq`, ... node (`Load_singleton`, ...).
pub struct AstState {
    pub(crate) types: HashMap<&'static str, PyObjectRef>,
    singletons: HashMap<&'static str, PyObjectRef>,
    /// The class names by class address: obj2ast tells a node of exactly one
    /// of the classes without `isinstance` calls.
    pub(crate) names_by_type: HashMap<usize, &'static str>,
}

/// The interpreter's `ast_state` (one for every thread: the node classes must be
/// the same objects everywhere).
static AST_STATE: GlobalCell<Option<Rc<AstState>>> = GlobalCell::new(None);

fn str_tuple(items: impl Iterator<Item = &'static str>) -> PyObjectRef {
    PyTuple_New(items.map(PyUnicode_FromString).collect()).into_object()
}

/// `init_types`: make every node class (`make_type`), as `type(name, (base,),
/// {...})` with `_fields`, `__match_args__`, `_attributes` and the None defaults.
fn init_types() -> PyResult<AstState> {
    PyType_Ready(&AST_type)?;
    let mut types: HashMap<&'static str, PyObjectRef> = HashMap::new();
    let mut singletons = HashMap::new();
    for def in NODES {
        if def.base.is_empty() {
            let d = AST_type
                .tp_dict
                .get()
                .ok_or_else(|| system_error("AST type without a dict"))?;
            let d = d
                .downcast_ref::<PyDictObject>()
                .ok_or_else(|| system_error("AST type dict"))?;
            PyDict_SetItemString(d, "_fields", &str_tuple(std::iter::empty()))?;
            PyDict_SetItemString(d, "__match_args__", &str_tuple(std::iter::empty()))?;
            PyDict_SetItemString(d, "_attributes", &str_tuple(std::iter::empty()))?;
            types.insert(def.name, AST_type.as_object().to_owned());
            continue;
        }
        let base = types
            .get(def.base)
            .ok_or_else(|| system_error("AST node table out of order"))?
            .clone();
        let dict = PyDict_New();
        let fields = str_tuple(def.fields.iter().map(|f| f.name));
        PyDict_SetItemString(&dict, "_fields", &fields)?;
        PyDict_SetItemString(&dict, "__match_args__", &fields)?;
        PyDict_SetItemString(&dict, "__module__", &PyUnicode_FromString("ast"))?;
        let doc = def.doc.map_or_else(none, PyUnicode_FromString);
        PyDict_SetItemString(&dict, "__doc__", &doc)?;
        if let Some(attrs) = def.attributes {
            PyDict_SetItemString(&dict, "_attributes", &str_tuple(attrs.iter().copied()))?;
        }
        for name in def.none_defaults {
            PyDict_SetItemString(&dict, name, &none())?;
        }
        let args = PyTuple_New(vec![
            PyUnicode_FromString(def.name),
            PyTuple_New(vec![base]).into_object(),
            dict.into_object(),
        ]);
        let cls = PyObject_Call(PyType_Type.as_object(), args.as_object(), None)?;
        if matches!(
            def.base,
            "expr_context" | "boolop" | "operator" | "unaryop" | "cmpop"
        ) {
            singletons.insert(def.name, PyObject_CallNoArgs(&cls)?);
        }
        types.insert(def.name, cls);
    }
    let names_by_type = types
        .iter()
        .map(|(name, cls)| (&**cls as *const PyObject as usize, *name))
        .collect();
    Ok(AstState {
        types,
        singletons,
        names_by_type,
    })
}

/// `get_ast_state`: the node classes, made on first use (by `import _ast` or by
/// the first `compile(..., PyCF_ONLY_AST)`).
pub fn get_ast_state() -> PyResult<Rc<AstState>> {
    // SAFETY: under the GIL; the borrow ends before any Python code runs.
    if let Some(s) = unsafe { AST_STATE.get_ref() }.clone() {
        return Ok(s);
    }
    let state = Rc::new(init_types()?);
    // SAFETY: as above. Should `init_types` have run Python code that made the state
    // first, the one made here replaces it; both are complete.
    unsafe { *AST_STATE.get_mut() = Some(state.clone()) };
    Ok(state)
}

/// `astmodule_exec`: the module holds every node class and the `PyCF_*` flags.
pub fn PyInit__ast() -> PyResult<PyRef<PyModuleObject>> {
    let m = PyModule_New("_ast")?;
    let state = get_ast_state()?;
    for def in NODES {
        if let Some(cls) = state.types.get(def.name) {
            PyModule_AddObject(&m, def.name, cls)?;
        }
    }
    for (name, v) in [
        ("PyCF_ALLOW_TOP_LEVEL_AWAIT", PyCF_ALLOW_TOP_LEVEL_AWAIT),
        ("PyCF_ONLY_AST", PyCF_ONLY_AST),
        ("PyCF_TYPE_COMMENTS", PyCF_TYPE_COMMENTS),
    ] {
        PyModule_AddObject(&m, name, &objects::longobject::PyLong_FromLong(v))?;
    }
    Ok(m)
}

/// `ast2obj_*`: the converter, with the source's line index for the
/// `lineno`/`col_offset` attributes (UTF-8 byte columns, as CPython's).
struct Ast2Obj<'a> {
    state: &'a AstState,
    lines: &'a LineIndex,
}

type Fields = Vec<(&'static str, PyObjectRef)>;

fn ident(s: &ast::Identifier) -> PyObjectRef {
    PyUnicode_FromString(s.as_str())
}

fn opt_ident(s: &Option<ast::Identifier>) -> PyObjectRef {
    s.as_ref().map_or_else(none, ident)
}

fn opt_string(s: &Option<String>) -> PyObjectRef {
    s.as_deref().map_or_else(none, PyUnicode_FromString)
}

fn int(v: i64) -> PyObjectRef {
    objects::longobject::PyLong_FromLong(v)
}

impl Ast2Obj<'_> {
    /// A node of class `name` with `fields` and, for nodes with attributes, the
    /// location of `range`.
    fn node(
        &self,
        name: &str,
        fields: Fields,
        range: Option<ast::text_size::TextRange>,
    ) -> PyResult {
        let cls = self
            .state
            .types
            .get(name)
            .ok_or_else(|| system_error(format!("no AST class {name}")))?;
        let obj = PyObject_CallNoArgs(cls)?;
        for (k, v) in fields {
            PyObject_SetAttr(&obj, &PyUnicode_FromString(k), Some(&v))?;
        }
        if let Some(r) = range {
            let loc = self.lines.location(r);
            for (k, v) in [
                ("lineno", loc.lineno),
                ("col_offset", loc.col_offset),
                ("end_lineno", loc.end_lineno),
                ("end_col_offset", loc.end_col_offset),
            ] {
                PyObject_SetAttr(&obj, &PyUnicode_FromString(k), Some(&int(v as i64)))?;
            }
        }
        Ok(obj)
    }

    fn singleton(&self, name: &str) -> PyResult {
        self.state
            .singletons
            .get(name)
            .cloned()
            .ok_or_else(|| system_error(format!("no AST singleton {name}")))
    }

    fn list<T>(&self, items: &[T], f: impl Fn(&Self, &T) -> PyResult) -> PyResult {
        let v = items
            .iter()
            .map(|i| f(self, i))
            .collect::<PyResult<Vec<_>>>()?;
        Ok(PyList_New(v).into_object())
    }

    fn stmts(&self, body: &[ast::Stmt]) -> PyResult {
        self.list(body, Self::stmt)
    }

    /// The `TypeIgnore(int lineno, string tag)` nodes of a module.
    fn type_ignores(&self, ignores: &[crate::pegen::TypeIgnore]) -> PyResult {
        let items: PyResult<Vec<PyObjectRef>> = ignores
            .iter()
            .map(|(lineno, tag)| {
                self.node(
                    "TypeIgnore",
                    vec![
                        (
                            "lineno",
                            objects::longobject::PyLong_FromLong(*lineno as i64),
                        ),
                        ("tag", objects::unicodeobject::PyUnicode_FromString(tag)),
                    ],
                    None,
                )
            })
            .collect();
        Ok(PyList_New(items?).into_object())
    }

    /// `FunctionType(expr* argtypes, expr returns)`.
    fn function_type(&self, args: &[ast::Expr], returns: &ast::Expr) -> PyResult {
        self.node(
            "FunctionType",
            vec![
                ("argtypes", self.exprs(args)?),
                ("returns", self.expr(returns)?),
            ],
            None,
        )
    }

    fn exprs(&self, items: &[ast::Expr]) -> PyResult {
        self.list(items, Self::expr)
    }

    fn opt_expr(&self, e: &Option<Box<ast::Expr>>) -> PyResult {
        e.as_deref().map_or_else(|| Ok(none()), |e| self.expr(e))
    }

    fn ident_list(&self, names: &[ast::Identifier]) -> PyResult {
        Ok(PyList_New(names.iter().map(ident).collect()).into_object())
    }

    fn stmt(&self, s: &ast::Stmt) -> PyResult {
        use ast::Stmt as S;
        let r = Some(s.range());
        match s {
            S::FunctionDef(f) => self.node(
                "FunctionDef",
                self.funcdef_fields(
                    &f.name,
                    &f.args,
                    &f.body,
                    &f.decorator_list,
                    &f.returns,
                    &f.type_comment,
                )?,
                r,
            ),
            S::AsyncFunctionDef(f) => self.node(
                "AsyncFunctionDef",
                self.funcdef_fields(
                    &f.name,
                    &f.args,
                    &f.body,
                    &f.decorator_list,
                    &f.returns,
                    &f.type_comment,
                )?,
                r,
            ),
            S::ClassDef(c) => self.node(
                "ClassDef",
                vec![
                    ("name", ident(&c.name)),
                    ("bases", self.exprs(&c.bases)?),
                    ("keywords", self.list(&c.keywords, Self::keyword)?),
                    ("body", self.stmts(&c.body)?),
                    ("decorator_list", self.exprs(&c.decorator_list)?),
                ],
                r,
            ),
            S::Return(x) => self.node("Return", vec![("value", self.opt_expr(&x.value)?)], r),
            S::Delete(x) => self.node("Delete", vec![("targets", self.exprs(&x.targets)?)], r),
            S::Assign(x) => self.node(
                "Assign",
                vec![
                    ("targets", self.exprs(&x.targets)?),
                    ("value", self.expr(&x.value)?),
                    ("type_comment", opt_string(&x.type_comment)),
                ],
                r,
            ),
            S::TypeAlias(_) => Err(system_error("type aliases are not Python 3.11")),
            S::AugAssign(x) => self.node(
                "AugAssign",
                vec![
                    ("target", self.expr(&x.target)?),
                    ("op", self.operator(x.op)?),
                    ("value", self.expr(&x.value)?),
                ],
                r,
            ),
            S::AnnAssign(x) => self.node(
                "AnnAssign",
                vec![
                    ("target", self.expr(&x.target)?),
                    ("annotation", self.expr(&x.annotation)?),
                    ("value", self.opt_expr(&x.value)?),
                    ("simple", int(x.simple as i64)),
                ],
                r,
            ),
            S::For(x) => self.node(
                "For",
                self.for_fields(&x.target, &x.iter, &x.body, &x.orelse, &x.type_comment)?,
                r,
            ),
            S::AsyncFor(x) => self.node(
                "AsyncFor",
                self.for_fields(&x.target, &x.iter, &x.body, &x.orelse, &x.type_comment)?,
                r,
            ),
            S::While(x) => self.node(
                "While",
                vec![
                    ("test", self.expr(&x.test)?),
                    ("body", self.stmts(&x.body)?),
                    ("orelse", self.stmts(&x.orelse)?),
                ],
                r,
            ),
            S::If(x) => self.node(
                "If",
                vec![
                    ("test", self.expr(&x.test)?),
                    ("body", self.stmts(&x.body)?),
                    ("orelse", self.stmts(&x.orelse)?),
                ],
                r,
            ),
            S::With(x) => self.node(
                "With",
                vec![
                    ("items", self.list(&x.items, Self::withitem)?),
                    ("body", self.stmts(&x.body)?),
                    ("type_comment", opt_string(&x.type_comment)),
                ],
                r,
            ),
            S::AsyncWith(x) => self.node(
                "AsyncWith",
                vec![
                    ("items", self.list(&x.items, Self::withitem)?),
                    ("body", self.stmts(&x.body)?),
                    ("type_comment", opt_string(&x.type_comment)),
                ],
                r,
            ),
            S::Match(x) => self.node(
                "Match",
                vec![
                    ("subject", self.expr(&x.subject)?),
                    ("cases", self.list(&x.cases, Self::match_case)?),
                ],
                r,
            ),
            S::Raise(x) => self.node(
                "Raise",
                vec![
                    ("exc", self.opt_expr(&x.exc)?),
                    ("cause", self.opt_expr(&x.cause)?),
                ],
                r,
            ),
            S::Try(x) => self.node(
                "Try",
                self.try_fields(&x.body, &x.handlers, &x.orelse, &x.finalbody)?,
                r,
            ),
            S::TryStar(x) => self.node(
                "TryStar",
                self.try_fields(&x.body, &x.handlers, &x.orelse, &x.finalbody)?,
                r,
            ),
            S::Assert(x) => self.node(
                "Assert",
                vec![
                    ("test", self.expr(&x.test)?),
                    ("msg", self.opt_expr(&x.msg)?),
                ],
                r,
            ),
            S::Import(x) => self.node(
                "Import",
                vec![("names", self.list(&x.names, Self::alias)?)],
                r,
            ),
            S::ImportFrom(x) => self.node(
                "ImportFrom",
                vec![
                    ("module", opt_ident(&x.module)),
                    ("names", self.list(&x.names, Self::alias)?),
                    ("level", int(x.level.map_or(0, |l| l.to_u32() as i64))),
                ],
                r,
            ),
            S::Global(x) => self.node("Global", vec![("names", self.ident_list(&x.names)?)], r),
            S::Nonlocal(x) => self.node("Nonlocal", vec![("names", self.ident_list(&x.names)?)], r),
            S::Expr(x) => self.node("Expr", vec![("value", self.expr(&x.value)?)], r),
            S::Pass(_) => self.node("Pass", vec![], r),
            S::Break(_) => self.node("Break", vec![], r),
            S::Continue(_) => self.node("Continue", vec![], r),
        }
    }

    fn funcdef_fields(
        &self,
        name: &ast::Identifier,
        args: &ast::Arguments,
        body: &[ast::Stmt],
        decorators: &[ast::Expr],
        returns: &Option<Box<ast::Expr>>,
        type_comment: &Option<String>,
    ) -> PyResult<Fields> {
        Ok(vec![
            ("name", ident(name)),
            ("args", self.arguments(args)?),
            ("body", self.stmts(body)?),
            ("decorator_list", self.exprs(decorators)?),
            ("returns", self.opt_expr(returns)?),
            ("type_comment", opt_string(type_comment)),
        ])
    }

    fn for_fields(
        &self,
        target: &ast::Expr,
        iter: &ast::Expr,
        body: &[ast::Stmt],
        orelse: &[ast::Stmt],
        type_comment: &Option<String>,
    ) -> PyResult<Fields> {
        Ok(vec![
            ("target", self.expr(target)?),
            ("iter", self.expr(iter)?),
            ("body", self.stmts(body)?),
            ("orelse", self.stmts(orelse)?),
            ("type_comment", opt_string(type_comment)),
        ])
    }

    fn try_fields(
        &self,
        body: &[ast::Stmt],
        handlers: &[ast::ExceptHandler],
        orelse: &[ast::Stmt],
        finalbody: &[ast::Stmt],
    ) -> PyResult<Fields> {
        Ok(vec![
            ("body", self.stmts(body)?),
            ("handlers", self.list(handlers, Self::excepthandler)?),
            ("orelse", self.stmts(orelse)?),
            ("finalbody", self.stmts(finalbody)?),
        ])
    }

    fn excepthandler(&self, h: &ast::ExceptHandler) -> PyResult {
        let ast::ExceptHandler::ExceptHandler(h) = h;
        self.node(
            "ExceptHandler",
            vec![
                ("type", self.opt_expr(&h.type_)?),
                ("name", opt_ident(&h.name)),
                ("body", self.stmts(&h.body)?),
            ],
            Some(h.range),
        )
    }

    /// rustpython keeps each default beside its parameter; CPython lists the
    /// positional defaults (right-aligned) and `kw_defaults` (None where a
    /// keyword-only parameter has none) separately.
    fn arguments(&self, a: &ast::Arguments) -> PyResult {
        let arg_list =
            |v: &[ast::ArgWithDefault]| -> PyResult { self.list(v, |s, a| s.arg(&a.def)) };
        let defaults = a
            .posonlyargs
            .iter()
            .chain(&a.args)
            .filter_map(|a| a.default.as_deref())
            .map(|d| self.expr(d))
            .collect::<PyResult<Vec<_>>>()?;
        let kw_defaults = a
            .kwonlyargs
            .iter()
            .map(|a| {
                a.default
                    .as_deref()
                    .map_or_else(|| Ok(none()), |d| self.expr(d))
            })
            .collect::<PyResult<Vec<_>>>()?;
        let opt_arg = |a: &Option<Box<ast::Arg>>| -> PyResult {
            a.as_deref().map_or_else(|| Ok(none()), |a| self.arg(a))
        };
        self.node(
            "arguments",
            vec![
                ("posonlyargs", arg_list(&a.posonlyargs)?),
                ("args", arg_list(&a.args)?),
                ("vararg", opt_arg(&a.vararg)?),
                ("kwonlyargs", arg_list(&a.kwonlyargs)?),
                ("kw_defaults", PyList_New(kw_defaults).into_object()),
                ("kwarg", opt_arg(&a.kwarg)?),
                ("defaults", PyList_New(defaults).into_object()),
            ],
            None,
        )
    }

    fn arg(&self, a: &ast::Arg) -> PyResult {
        self.node(
            "arg",
            vec![
                ("arg", ident(&a.arg)),
                ("annotation", self.opt_expr(&a.annotation)?),
                ("type_comment", opt_string(&a.type_comment)),
            ],
            Some(a.range),
        )
    }

    fn keyword(&self, k: &ast::Keyword) -> PyResult {
        self.node(
            "keyword",
            vec![("arg", opt_ident(&k.arg)), ("value", self.expr(&k.value)?)],
            Some(k.range),
        )
    }

    fn alias(&self, a: &ast::Alias) -> PyResult {
        self.node(
            "alias",
            vec![("name", ident(&a.name)), ("asname", opt_ident(&a.asname))],
            Some(a.range),
        )
    }

    fn withitem(&self, w: &ast::WithItem) -> PyResult {
        self.node(
            "withitem",
            vec![
                ("context_expr", self.expr(&w.context_expr)?),
                ("optional_vars", self.opt_expr(&w.optional_vars)?),
            ],
            None,
        )
    }

    fn comprehension(&self, c: &ast::Comprehension) -> PyResult {
        self.node(
            "comprehension",
            vec![
                ("target", self.expr(&c.target)?),
                ("iter", self.expr(&c.iter)?),
                ("ifs", self.exprs(&c.ifs)?),
                ("is_async", int(c.is_async as i64)),
            ],
            None,
        )
    }

    fn match_case(&self, m: &ast::MatchCase) -> PyResult {
        self.node(
            "match_case",
            vec![
                ("pattern", self.pattern(&m.pattern)?),
                ("guard", self.opt_expr(&m.guard)?),
                ("body", self.stmts(&m.body)?),
            ],
            None,
        )
    }

    fn patterns(&self, ps: &[ast::Pattern]) -> PyResult {
        self.list(ps, Self::pattern)
    }

    fn pattern(&self, p: &ast::Pattern) -> PyResult {
        use ast::Pattern as P;
        let r = Some(p.range());
        match p {
            P::MatchValue(x) => self.node("MatchValue", vec![("value", self.expr(&x.value)?)], r),
            P::MatchSingleton(x) => self.node(
                "MatchSingleton",
                vec![("value", self.constant(&x.value)?)],
                r,
            ),
            P::MatchSequence(x) => self.node(
                "MatchSequence",
                vec![("patterns", self.patterns(&x.patterns)?)],
                r,
            ),
            P::MatchMapping(x) => self.node(
                "MatchMapping",
                vec![
                    ("keys", self.exprs(&x.keys)?),
                    ("patterns", self.patterns(&x.patterns)?),
                    ("rest", opt_ident(&x.rest)),
                ],
                r,
            ),
            P::MatchClass(x) => self.node(
                "MatchClass",
                vec![
                    ("cls", self.expr(&x.cls)?),
                    ("patterns", self.patterns(&x.patterns)?),
                    ("kwd_attrs", self.ident_list(&x.kwd_attrs)?),
                    ("kwd_patterns", self.patterns(&x.kwd_patterns)?),
                ],
                r,
            ),
            P::MatchStar(x) => self.node("MatchStar", vec![("name", opt_ident(&x.name))], r),
            P::MatchAs(x) => self.node(
                "MatchAs",
                vec![
                    (
                        "pattern",
                        x.pattern
                            .as_deref()
                            .map_or_else(|| Ok(none()), |p| self.pattern(p))?,
                    ),
                    ("name", opt_ident(&x.name)),
                ],
                r,
            ),
            P::MatchOr(x) => self.node(
                "MatchOr",
                vec![("patterns", self.patterns(&x.patterns)?)],
                r,
            ),
        }
    }

    fn constant(&self, c: &ast::Constant) -> PyResult {
        crate::makecode::make_constant(&crate::compile::const_from_ast(c, None))
    }

    fn expr_context(&self, ctx: ast::ExprContext) -> PyResult {
        self.singleton(match ctx {
            ast::ExprContext::Load => "Load",
            ast::ExprContext::Store => "Store",
            ast::ExprContext::Del => "Del",
        })
    }

    fn operator(&self, op: ast::Operator) -> PyResult {
        use ast::Operator as O;
        self.singleton(match op {
            O::Add => "Add",
            O::Sub => "Sub",
            O::Mult => "Mult",
            O::MatMult => "MatMult",
            O::Div => "Div",
            O::Mod => "Mod",
            O::Pow => "Pow",
            O::LShift => "LShift",
            O::RShift => "RShift",
            O::BitOr => "BitOr",
            O::BitXor => "BitXor",
            O::BitAnd => "BitAnd",
            O::FloorDiv => "FloorDiv",
        })
    }

    fn cmpop(&self, op: &ast::CmpOp) -> PyResult {
        use ast::CmpOp as C;
        self.singleton(match op {
            C::Eq => "Eq",
            C::NotEq => "NotEq",
            C::Lt => "Lt",
            C::LtE => "LtE",
            C::Gt => "Gt",
            C::GtE => "GtE",
            C::Is => "Is",
            C::IsNot => "IsNot",
            C::In => "In",
            C::NotIn => "NotIn",
        })
    }

    fn comp_fields(&self, elt: &ast::Expr, generators: &[ast::Comprehension]) -> PyResult<Fields> {
        Ok(vec![
            ("elt", self.expr(elt)?),
            ("generators", self.list(generators, Self::comprehension)?),
        ])
    }

    fn expr(&self, e: &ast::Expr) -> PyResult {
        use ast::Expr as E;
        let r = Some(e.range());
        match e {
            E::BoolOp(x) => self.node(
                "BoolOp",
                vec![
                    (
                        "op",
                        self.singleton(match x.op {
                            ast::BoolOp::And => "And",
                            ast::BoolOp::Or => "Or",
                        })?,
                    ),
                    ("values", self.exprs(&x.values)?),
                ],
                r,
            ),
            E::NamedExpr(x) => self.node(
                "NamedExpr",
                vec![
                    ("target", self.expr(&x.target)?),
                    ("value", self.expr(&x.value)?),
                ],
                r,
            ),
            E::BinOp(x) => self.node(
                "BinOp",
                vec![
                    ("left", self.expr(&x.left)?),
                    ("op", self.operator(x.op)?),
                    ("right", self.expr(&x.right)?),
                ],
                r,
            ),
            E::UnaryOp(x) => self.node(
                "UnaryOp",
                vec![
                    (
                        "op",
                        self.singleton(match x.op {
                            ast::UnaryOp::Invert => "Invert",
                            ast::UnaryOp::Not => "Not",
                            ast::UnaryOp::UAdd => "UAdd",
                            ast::UnaryOp::USub => "USub",
                        })?,
                    ),
                    ("operand", self.expr(&x.operand)?),
                ],
                r,
            ),
            E::Lambda(x) => self.node(
                "Lambda",
                vec![
                    ("args", self.arguments(&x.args)?),
                    ("body", self.expr(&x.body)?),
                ],
                r,
            ),
            E::IfExp(x) => self.node(
                "IfExp",
                vec![
                    ("test", self.expr(&x.test)?),
                    ("body", self.expr(&x.body)?),
                    ("orelse", self.expr(&x.orelse)?),
                ],
                r,
            ),
            E::Dict(x) => self.node(
                "Dict",
                vec![
                    (
                        "keys",
                        self.list(&x.keys, |s, k| {
                            k.as_ref().map_or_else(|| Ok(none()), |k| s.expr(k))
                        })?,
                    ),
                    ("values", self.exprs(&x.values)?),
                ],
                r,
            ),
            E::Set(x) => self.node("Set", vec![("elts", self.exprs(&x.elts)?)], r),
            E::ListComp(x) => self.node("ListComp", self.comp_fields(&x.elt, &x.generators)?, r),
            E::SetComp(x) => self.node("SetComp", self.comp_fields(&x.elt, &x.generators)?, r),
            E::GeneratorExp(x) => {
                self.node("GeneratorExp", self.comp_fields(&x.elt, &x.generators)?, r)
            }
            E::DictComp(x) => self.node(
                "DictComp",
                vec![
                    ("key", self.expr(&x.key)?),
                    ("value", self.expr(&x.value)?),
                    ("generators", self.list(&x.generators, Self::comprehension)?),
                ],
                r,
            ),
            E::Await(x) => self.node("Await", vec![("value", self.expr(&x.value)?)], r),
            E::Yield(x) => self.node("Yield", vec![("value", self.opt_expr(&x.value)?)], r),
            E::YieldFrom(x) => self.node("YieldFrom", vec![("value", self.expr(&x.value)?)], r),
            E::Compare(x) => self.node(
                "Compare",
                vec![
                    ("left", self.expr(&x.left)?),
                    ("ops", self.list(&x.ops, Self::cmpop)?),
                    ("comparators", self.exprs(&x.comparators)?),
                ],
                r,
            ),
            E::Call(x) => self.node(
                "Call",
                vec![
                    ("func", self.expr(&x.func)?),
                    ("args", self.exprs(&x.args)?),
                    ("keywords", self.list(&x.keywords, Self::keyword)?),
                ],
                r,
            ),
            E::FormattedValue(x) => self.node(
                "FormattedValue",
                vec![
                    ("value", self.expr(&x.value)?),
                    ("conversion", int(x.conversion as i8 as i64)),
                    ("format_spec", self.opt_expr(&x.format_spec)?),
                ],
                r,
            ),
            E::JoinedStr(x) => self.node("JoinedStr", vec![("values", self.exprs(&x.values)?)], r),
            E::Constant(x) => self.node(
                "Constant",
                vec![
                    ("value", self.constant(&x.value)?),
                    ("kind", opt_string(&x.kind)),
                ],
                r,
            ),
            E::Attribute(x) => self.node(
                "Attribute",
                vec![
                    ("value", self.expr(&x.value)?),
                    ("attr", ident(&x.attr)),
                    ("ctx", self.expr_context(x.ctx)?),
                ],
                r,
            ),
            E::Subscript(x) => self.node(
                "Subscript",
                vec![
                    ("value", self.expr(&x.value)?),
                    ("slice", self.expr(&x.slice)?),
                    ("ctx", self.expr_context(x.ctx)?),
                ],
                r,
            ),
            E::Starred(x) => self.node(
                "Starred",
                vec![
                    ("value", self.expr(&x.value)?),
                    ("ctx", self.expr_context(x.ctx)?),
                ],
                r,
            ),
            E::Name(x) => self.node(
                "Name",
                vec![("id", ident(&x.id)), ("ctx", self.expr_context(x.ctx)?)],
                r,
            ),
            E::List(x) => self.node(
                "List",
                vec![
                    ("elts", self.exprs(&x.elts)?),
                    ("ctx", self.expr_context(x.ctx)?),
                ],
                r,
            ),
            E::Tuple(x) => self.node(
                "Tuple",
                vec![
                    ("elts", self.exprs(&x.elts)?),
                    ("ctx", self.expr_context(x.ctx)?),
                ],
                r,
            ),
            E::Slice(x) => self.node(
                "Slice",
                vec![
                    ("lower", self.opt_expr(&x.lower)?),
                    ("upper", self.opt_expr(&x.upper)?),
                    ("step", self.opt_expr(&x.step)?),
                ],
                r,
            ),
        }
    }
}

/// `compile(source, filename, mode, PyCF_ONLY_AST)`: parse (on a thread with a big
/// stack, as `compile` does) and convert with `PyAST_mod2obj`. The AST is not
/// optimised, as in CPython.
pub fn parse_to_object(
    source: &str,
    filename: &str,
    mode: crate::compile::Mode,
    type_comments: bool,
    feature_version: i32,
) -> PyResult {
    use crate::compile::Mode;
    let text = source.to_string();
    let fname = filename.to_string();
    let rule = match mode {
        Mode::Exec => crate::pegen::StartRule::File,
        Mode::Eval => crate::pegen::StartRule::Eval,
        Mode::Single => crate::pegen::StartRule::Single,
    };
    let parsed = std::thread::Builder::new()
        .stack_size(1 << 30)
        .spawn(move || {
            let r = crate::pegen::run_parser_from_string_version(
                &text,
                &fname,
                rule,
                Some("utf-8"),
                false,
                feature_version,
            )
            .and_then(|mut parsed| {
                // The ranges and shapes rustpython gets differently from
                // CPython's parser, corrected as the compiler does.
                let mut ignores = Vec::new();
                match &mut parsed {
                    crate::pegen::Parsed::Module(body) => {
                        crate::ast_opt::fix_parsed_module(&text, body)?;
                        if type_comments {
                            ignores = crate::pegen::apply_type_comments(&text, &fname, body)?;
                        }
                    }
                    crate::pegen::Parsed::Expression(e) => {
                        crate::ast_opt::fix_parsed_expr(&text, e)?
                    }
                }
                Ok((parsed, ignores))
            });
            (r, crate::compile::take_warnings())
        })
        .map_err(|_| objects::pyerrors::PyErr_NoMemory())?
        .join()
        .map_err(|_| crate::compile::CompileError::recursion())
        .and_then(|(r, warnings)| {
            // The parser's warnings (invalid escapes), as `ast.parse` gives them.
            crate::compile::issue_warnings(warnings, filename)?;
            r
        })
        .map_err(|e| crate::pythonrun::compile_error_to_exception(&e, filename))?;
    let (parsed, ignores) = parsed;
    let state = get_ast_state()?;
    let lines = LineIndex::new(source);
    let cv = Ast2Obj {
        state: &state,
        lines: &lines,
    };
    match (parsed, mode) {
        (crate::pegen::Parsed::Expression(e), _) => {
            cv.node("Expression", vec![("body", cv.expr(&e)?)], None)
        }
        (crate::pegen::Parsed::Module(body), Mode::Single) => {
            cv.node("Interactive", vec![("body", cv.stmts(&body)?)], None)
        }
        (crate::pegen::Parsed::Module(body), _) => cv.node(
            "Module",
            vec![
                ("body", cv.stmts(&body)?),
                ("type_ignores", cv.type_ignores(&ignores)?),
            ],
            None,
        ),
    }
}

/// `compile(source, filename, 'func_type', PyCF_ONLY_AST)`: parse a type-comment
/// signature with the `func_type` start rule into a `FunctionType` node.
pub fn parse_func_type_to_object(source: &str, filename: &str) -> PyResult {
    let text = source.to_string();
    let fname = filename.to_string();
    let (text, args, returns) = std::thread::Builder::new()
        .stack_size(1 << 30)
        .spawn(move || {
            crate::pegen::run_func_type_parser(&text, &fname).and_then(
                |(text, (mut args, mut returns))| {
                    for e in args.iter_mut().chain(std::iter::once(&mut returns)) {
                        crate::ast_opt::fix_parsed_expr(&text, e)?;
                    }
                    Ok((text, args, returns))
                },
            )
        })
        .map_err(|_| objects::pyerrors::PyErr_NoMemory())?
        .join()
        .map_err(|_| crate::compile::CompileError::recursion())
        .and_then(|r| r)
        .map_err(|e| crate::pythonrun::compile_error_to_exception(&e, filename))?;
    let state = get_ast_state()?;
    let lines = LineIndex::new(&text);
    let cv = Ast2Obj {
        state: &state,
        lines: &lines,
    };
    cv.function_type(&args, &returns)
}
