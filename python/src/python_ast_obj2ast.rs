//! `obj2ast`: `ast` node objects back to the AST the compiler consumes, for
//! `compile(tree, filename, mode)`. Mirrors the `obj2ast_*` functions and
//! `PyAST_obj2mod` of Python/Python-ast.c (CPython 3.11).
//!
//! Differences from CPython:
//! - The compiler's AST is rustpython-parser's, whose nodes carry a byte range of
//!   the source instead of CPython's four position attributes. Each converted node
//!   gets a provisional one-offset range naming its entry in [`Obj2Ast::locs`];
//!   once the tree is validated, [`remap`] replaces those ranges with offsets into
//!   a table of the positions themselves (`LineIndex::from_points`), ordered so
//!   that offsets compare as positions do.
//! - A few things CPython's AST can hold and rustpython's cannot (a `Constant` of
//!   a type `_PyAST_Validate` rejects, a negative `ImportFrom` level, `None` in a
//!   statement or expression list, more defaults than parameters) are kept as the
//!   error the validator (ast_validate.rs) raises when it reaches the node.
//! - The `arguments` shape differs (rustpython keeps each default beside its
//!   parameter), as ast2obj in python_ast.rs describes.
//! - FIXME(pyrs): a frozenset nested in a tuple `Constant` becomes a tuple; the
//!   AST has no way to mark it.

use std::collections::HashMap;

use objects::boolobject::{PyBool_Type, Py_True};
use objects::bytesobject::PyBytesObject;
use objects::complexobject::PyComplexObject;
use objects::floatobject::PyFloatObject;
use objects::listobject::PyListObject;
use objects::longobject::PyLongObject;
use objects::object::*;
use objects::prelude::*;
use objects::r#abstract::{PyIter_Next, PyObject_GetIter, PyObject_IsInstance};
use objects::setobject::PyFrozenSet_Type;
use objects::tupleobject::PyTupleObject;
use objects::unicodeobject::{as_str_lossy, PyUnicodeObject};
use rustpython_parser::ast::{
    self,
    text_size::{TextRange, TextSize},
    Ranged,
};

use crate::compile::{LineIndex, Mode};
use crate::pegen::Parsed;
use crate::python_ast::AstState;

/// A node's `lineno`, `col_offset`, `end_lineno`, `end_col_offset`.
pub type Loc = [i32; 4];

/// The converter's state: the node classes, and what the conversion learnt about
/// each node it made, indexed by the node's provisional offset (`id`).
pub struct Obj2Ast<'s> {
    state: &'s AstState,
    /// The position attributes of node `id` (entry 0 and nodes without
    /// attributes: None).
    pub locs: Vec<Option<Loc>>,
    /// Errors `_PyAST_Validate` raises at node `id` for what rustpython's AST
    /// cannot hold.
    pub deferred: HashMap<u32, PyErr>,
    /// The same for a function's or lambda's `arguments` (keyed by its owner).
    pub deferred_args: HashMap<u32, PyErr>,
    /// An error the code generator raises (an unknown `FormattedValue`
    /// conversion), after validation.
    pub compile_error: Option<PyErr>,
    /// Interned field names, keyed by the literal's address and length.
    names: std::cell::RefCell<HashMap<(usize, usize), PyObjectRef>>,
}

/// The id of a converted node: its provisional offset.
pub fn node_id(range: TextRange) -> u32 {
    range.start().into()
}

fn provisional(id: u32) -> TextRange {
    TextRange::empty(TextSize::from(id))
}

/// `field 'x' is required for Y`: what the node constructors (`_PyAST_Name`...)
/// raise for a required field that was None.
fn need<T>(v: Option<T>, field: &str, owner: &str) -> PyResult<T> {
    v.ok_or_else(|| value_error(format!("field '{field}' is required for {owner}")))
}

fn repr(obj: &PyObject) -> PyResult<String> {
    let r = PyObject_Repr(obj)?;
    Ok(as_str_lossy(&r).into_owned())
}

/// `obj2ast_identifier`: a str (exactly), or None.
fn obj2ast_identifier(obj: &PyObject) -> PyResult<Option<ast::Identifier>> {
    if obj.is(Py_None()) {
        return Ok(None);
    }
    match obj.downcast_ref_exact::<PyUnicodeObject>() {
        // FIXME(pyrs): an identifier with lone surrogates cannot be a Rust
        // string; it is compiled with U+FFFD in their place.
        Some(u) => Ok(Some(ast::Identifier::new(
            u.as_str()
                .map_or_else(|| as_str_lossy(obj).into_owned(), str::to_string),
        ))),
        None => Err(type_error("AST identifier must be of type str")),
    }
}

/// `obj2ast_string`: a str or bytes (exactly).
fn obj2ast_string(obj: &PyObject) -> PyResult<String> {
    if let Some(b) = obj.downcast_ref_exact::<PyBytesObject>() {
        return Ok(String::from_utf8_lossy(b.as_bytes()).into_owned());
    }
    if PyUnicodeObject::check_exact(obj) {
        return Ok(as_str_lossy(obj).into_owned());
    }
    Err(type_error("AST string must be of type str"))
}

/// `obj2ast_int`: an int (bool included) that fits a C int.
fn obj2ast_int(obj: &PyObject) -> PyResult<i32> {
    if !PyLongObject::check(obj) {
        return Err(value_error(format!(
            "invalid integer value: {}",
            repr(obj)?
        )));
    }
    let v = objects::longobject::PyLong_AsLong(obj)
        .map_err(|_| overflow_error("Python int too large to convert to C int"))?;
    i32::try_from(v).map_err(|_| overflow_error("Python int too large to convert to C int"))
}

/// A str constant as the AST holds it: lone surrogates marked (string_parser.rs).
fn str_value(u: &PyUnicodeObject) -> String {
    match u.as_str() {
        Some(s) => s.to_string(),
        None => crate::string_parser::encode_marked(&u.code_points()),
    }
}

/// `validate_constant`'s check, done while converting: the constant, or the
/// TypeError `_PyAST_Validate` raises for it.
fn constant_value(obj: &PyObject) -> PyResult<Result<ast::Constant, PyErr>> {
    if obj.is(Py_None()) {
        return Ok(Ok(ast::Constant::None));
    }
    if obj.is(objects::sliceobject::Py_Ellipsis()) {
        return Ok(Ok(ast::Constant::Ellipsis));
    }
    if obj.is_type(&PyBool_Type) {
        return Ok(Ok(ast::Constant::Bool(obj.is(Py_True()))));
    }
    if let Some(l) = obj.downcast_ref_exact::<PyLongObject>() {
        return Ok(Ok(ast::Constant::Int(l.to_bigint())));
    }
    if let Some(f) = obj.downcast_ref_exact::<PyFloatObject>() {
        return Ok(Ok(ast::Constant::Float(f.ob_fval)));
    }
    if let Some(c) = obj.downcast_ref_exact::<PyComplexObject>() {
        return Ok(Ok(ast::Constant::Complex {
            real: c.cval.re,
            imag: c.cval.im,
        }));
    }
    if let Some(u) = obj.downcast_ref_exact::<PyUnicodeObject>() {
        return Ok(Ok(ast::Constant::Str(str_value(u))));
    }
    if let Some(b) = obj.downcast_ref_exact::<PyBytesObject>() {
        return Ok(Ok(ast::Constant::Bytes(b.as_bytes().to_vec())));
    }
    if PyTupleObject::check_exact(obj) || obj.is_type(&PyFrozenSet_Type) {
        let _guard = Py_EnterRecursiveCall(" during compilation")?;
        let it = PyObject_GetIter(obj)?;
        let mut items = Vec::new();
        while let Some(item) = PyIter_Next(&it)? {
            match constant_value(&item)? {
                Ok(c) => items.push(c),
                Err(e) => return Ok(Err(e)),
            }
        }
        return Ok(Ok(ast::Constant::Tuple(items)));
    }
    Ok(Err(type_error(format!(
        "got an invalid type in Constant: {}",
        obj.ob_type().name()
    ))))
}

impl<'s> Obj2Ast<'s> {
    pub fn new(state: &'s AstState) -> Obj2Ast<'s> {
        Obj2Ast {
            state,
            locs: vec![None],
            deferred: HashMap::new(),
            deferred_args: HashMap::new(),
            compile_error: None,
            names: Default::default(),
        }
    }

    fn new_node(&mut self, loc: Option<Loc>) -> TextRange {
        let id = self.locs.len() as u32;
        self.locs.push(loc);
        provisional(id)
    }

    fn defer(&mut self, range: TextRange, err: PyErr) {
        self.deferred.entry(node_id(range)).or_insert(err);
    }

    /// `PyObject_IsInstance(obj, state->X_type)` for a concrete node class X.
    /// A node whose type is exactly one of the classes is that class and none of
    /// the other concrete ones (they are siblings), so no `isinstance` is needed.
    fn is(&self, obj: &PyObject, class: &str) -> PyResult<bool> {
        let tp = obj.ob_type() as *const PyTypeObject as usize;
        if let Some(name) = self.state.names_by_type.get(&tp) {
            return Ok(*name == class);
        }
        let cls = self
            .state
            .types
            .get(class)
            .ok_or_else(|| system_error(format!("no AST class {class}")))?;
        PyObject_IsInstance(obj, cls)
    }

    /// `_PyObject_LookupAttr` of a field: missing is `required field "x" missing
    /// from Y`.
    /// The field name as an interned str, made once per name.
    fn name(&self, name: &'static str) -> PyObjectRef {
        let key = (name.as_ptr() as usize, name.len());
        self.names
            .borrow_mut()
            .entry(key)
            .or_insert_with(|| objects::unicodeobject::PyUnicode_InternFromString(name))
            .clone()
    }

    fn field(&self, obj: &PyObject, name: &'static str, owner: &str) -> PyResult<PyObjectRef> {
        _PyObject_LookupAttr(obj, &self.name(name))?
            .ok_or_else(|| type_error(format!("required field \"{name}\" missing from {owner}")))
    }

    /// An optional (`?`) field: missing and None are both None.
    fn opt_field(&self, obj: &PyObject, name: &'static str) -> PyResult<Option<PyObjectRef>> {
        Ok(_PyObject_LookupAttr(obj, &self.name(name))?.filter(|v| !v.is(Py_None())))
    }

    /// A sequence (`*`) field: a list, each item converted by `f`.
    fn seq<T>(
        &mut self,
        obj: &PyObject,
        name: &'static str,
        owner: &str,
        mut f: impl FnMut(&mut Self, &PyObject) -> PyResult<T>,
    ) -> PyResult<Vec<T>> {
        let tmp = self.field(obj, name, owner)?;
        let Some(list) = tmp.downcast_ref::<PyListObject>() else {
            return Err(type_error(format!(
                "{owner} field \"{name}\" must be a list, not a {}",
                tmp.ob_type().name()
            )));
        };
        let len = list.len();
        let mut out = Vec::with_capacity(len);
        for i in 0..len {
            let item = list.get(i).unwrap_or_else(none);
            out.push(f(self, &item)?);
            if list.len() != len {
                return Err(runtime_error(format!(
                    "{owner} field \"{name}\" changed size during iteration"
                )));
            }
        }
        Ok(out)
    }

    fn int_field(&self, obj: &PyObject, name: &'static str, owner: &str) -> PyResult<i32> {
        obj2ast_int(&*self.field(obj, name, owner)?)
    }

    fn ident_field(
        &self,
        obj: &PyObject,
        name: &'static str,
        owner: &str,
    ) -> PyResult<ast::Identifier> {
        need(
            obj2ast_identifier(&*self.field(obj, name, owner)?)?,
            name,
            owner,
        )
    }

    fn opt_ident_field(
        &self,
        obj: &PyObject,
        name: &'static str,
    ) -> PyResult<Option<ast::Identifier>> {
        match self.opt_field(obj, name)? {
            Some(v) => obj2ast_identifier(&v),
            None => Ok(None),
        }
    }

    fn opt_string_field(&self, obj: &PyObject, name: &'static str) -> PyResult<Option<String>> {
        self.opt_field(obj, name)?
            .map(|v| obj2ast_string(&v))
            .transpose()
    }

    /// A required expression field, None kept for the constructor's check.
    fn expr_field(
        &mut self,
        obj: &PyObject,
        name: &'static str,
        owner: &str,
    ) -> PyResult<Option<Box<ast::Expr>>> {
        let v = self.field(obj, name, owner)?;
        Ok(self.obj2ast_expr(&v)?.map(Box::new))
    }

    fn opt_expr_field(
        &mut self,
        obj: &PyObject,
        name: &'static str,
    ) -> PyResult<Option<Box<ast::Expr>>> {
        match self.opt_field(obj, name)? {
            Some(v) => Ok(self.obj2ast_expr(&v)?.map(Box::new)),
            None => Ok(None),
        }
    }

    /// An `expr*` field. A None item (which only `Dict.keys` and `kw_defaults`
    /// may hold) is an error of the validator at `at`.
    fn exprs_field(
        &mut self,
        obj: &PyObject,
        name: &'static str,
        owner: &str,
        at: TextRange,
    ) -> PyResult<Vec<ast::Expr>> {
        let items = self.seq(obj, name, owner, |s, o| s.obj2ast_expr(o))?;
        if items.iter().any(Option::is_none) {
            self.defer(at, value_error("None disallowed in expression list"));
        }
        Ok(items.into_iter().flatten().collect())
    }

    /// A `stmt*` field; a None item is an error of the validator at `at`.
    fn stmts_field(
        &mut self,
        obj: &PyObject,
        name: &'static str,
        owner: &str,
        at: TextRange,
    ) -> PyResult<Vec<ast::Stmt>> {
        let items = self.seq(obj, name, owner, |s, o| s.obj2ast_stmt(o))?;
        if items.iter().any(Option::is_none) {
            self.defer(at, value_error("None disallowed in statement list"));
        }
        Ok(items.into_iter().flatten().collect())
    }

    fn idents_field(
        &mut self,
        obj: &PyObject,
        name: &'static str,
        owner: &str,
    ) -> PyResult<Vec<ast::Identifier>> {
        let items = self.seq(obj, name, owner, |_, o| obj2ast_identifier(o))?;
        // FIXME(pyrs): CPython keeps a None item (a NULL identifier); it is dropped.
        Ok(items.into_iter().flatten().collect())
    }

    /// The four position attributes of a node of a sum type with attributes
    /// (`stmt`, `expr`, `excepthandler`) or of `arg`, `keyword`, `alias`:
    /// `end_lineno` and `end_col_offset` default to `lineno` and `col_offset`.
    fn attributes(&self, obj: &PyObject, owner: &str) -> PyResult<Loc> {
        let lineno = self.int_field(obj, "lineno", owner)?;
        let col_offset = self.int_field(obj, "col_offset", owner)?;
        let end_lineno = match self.opt_field(obj, "end_lineno")? {
            Some(v) => obj2ast_int(&v)?,
            None => lineno,
        };
        let end_col_offset = match self.opt_field(obj, "end_col_offset")? {
            Some(v) => obj2ast_int(&v)?,
            None => col_offset,
        };
        Ok([lineno, col_offset, end_lineno, end_col_offset])
    }

    /// `pattern`'s attributes are all required.
    fn pattern_attributes(&self, obj: &PyObject) -> PyResult<Loc> {
        Ok([
            self.int_field(obj, "lineno", "pattern")?,
            self.int_field(obj, "col_offset", "pattern")?,
            self.int_field(obj, "end_lineno", "pattern")?,
            self.int_field(obj, "end_col_offset", "pattern")?,
        ])
    }

    /// `PyAST_obj2mod`: the tree must be the node class of the mode.
    pub fn obj2mod(&mut self, obj: &PyObject, mode: Mode) -> PyResult<Parsed> {
        let name = match mode {
            Mode::Exec => "Module",
            Mode::Eval => "Expression",
            Mode::Single => "Interactive",
        };
        if !self.is(obj, name)? {
            return Err(type_error(format!(
                "expected {name} node, got {}",
                obj.ob_type().name()
            )));
        }
        let _guard = Py_EnterRecursiveCall(" while traversing 'mod' node")?;
        let module = provisional(0);
        Ok(match mode {
            Mode::Exec => {
                let body = self.stmts_field(obj, "body", "Module", module)?;
                self.seq(obj, "type_ignores", "Module", |s, o| {
                    s.obj2ast_type_ignore(o)
                })?;
                Parsed::Module(body)
            }
            Mode::Single => Parsed::Module(self.stmts_field(obj, "body", "Interactive", module)?),
            Mode::Eval => {
                let body = self.expr_field(obj, "body", "Expression")?;
                Parsed::Expression(*need(body, "body", "Expression")?)
            }
        })
    }

    /// `obj2ast_type_ignore`: checked, then dropped (the compiler ignores them).
    fn obj2ast_type_ignore(&mut self, obj: &PyObject) -> PyResult<()> {
        if obj.is(Py_None()) {
            return Ok(());
        }
        let _guard = Py_EnterRecursiveCall(" while traversing 'type_ignore' node")?;
        if self.is(obj, "TypeIgnore")? {
            self.int_field(obj, "lineno", "TypeIgnore")?;
            obj2ast_string(&*self.field(obj, "tag", "TypeIgnore")?)?;
            return Ok(());
        }
        Err(type_error(format!(
            "expected some sort of type_ignore, but got {}",
            repr(obj)?
        )))
    }

    fn obj2ast_expr_context(&self, obj: &PyObject) -> PyResult<ast::ExprContext> {
        for (name, ctx) in [
            ("Load", ast::ExprContext::Load),
            ("Store", ast::ExprContext::Store),
            ("Del", ast::ExprContext::Del),
        ] {
            if self.is(obj, name)? {
                return Ok(ctx);
            }
        }
        Err(type_error(format!(
            "expected some sort of expr_context, but got {}",
            repr(obj)?
        )))
    }

    fn obj2ast_boolop(&self, obj: &PyObject) -> PyResult<ast::BoolOp> {
        for (name, op) in [("And", ast::BoolOp::And), ("Or", ast::BoolOp::Or)] {
            if self.is(obj, name)? {
                return Ok(op);
            }
        }
        Err(type_error(format!(
            "expected some sort of boolop, but got {}",
            repr(obj)?
        )))
    }

    fn obj2ast_operator(&self, obj: &PyObject) -> PyResult<ast::Operator> {
        use ast::Operator as O;
        for (name, op) in [
            ("Add", O::Add),
            ("Sub", O::Sub),
            ("Mult", O::Mult),
            ("MatMult", O::MatMult),
            ("Div", O::Div),
            ("Mod", O::Mod),
            ("Pow", O::Pow),
            ("LShift", O::LShift),
            ("RShift", O::RShift),
            ("BitOr", O::BitOr),
            ("BitXor", O::BitXor),
            ("BitAnd", O::BitAnd),
            ("FloorDiv", O::FloorDiv),
        ] {
            if self.is(obj, name)? {
                return Ok(op);
            }
        }
        Err(type_error(format!(
            "expected some sort of operator, but got {}",
            repr(obj)?
        )))
    }

    fn obj2ast_unaryop(&self, obj: &PyObject) -> PyResult<ast::UnaryOp> {
        use ast::UnaryOp as U;
        for (name, op) in [
            ("Invert", U::Invert),
            ("Not", U::Not),
            ("UAdd", U::UAdd),
            ("USub", U::USub),
        ] {
            if self.is(obj, name)? {
                return Ok(op);
            }
        }
        Err(type_error(format!(
            "expected some sort of unaryop, but got {}",
            repr(obj)?
        )))
    }

    fn obj2ast_cmpop(&self, obj: &PyObject) -> PyResult<ast::CmpOp> {
        use ast::CmpOp as C;
        for (name, op) in [
            ("Eq", C::Eq),
            ("NotEq", C::NotEq),
            ("Lt", C::Lt),
            ("LtE", C::LtE),
            ("Gt", C::Gt),
            ("GtE", C::GtE),
            ("Is", C::Is),
            ("IsNot", C::IsNot),
            ("In", C::In),
            ("NotIn", C::NotIn),
        ] {
            if self.is(obj, name)? {
                return Ok(op);
            }
        }
        Err(type_error(format!(
            "expected some sort of cmpop, but got {}",
            repr(obj)?
        )))
    }

    /// `obj2ast_stmt`. None is None (the validator rejects it in a list).
    fn obj2ast_stmt(&mut self, obj: &PyObject) -> PyResult<Option<ast::Stmt>> {
        use ast::Stmt as S;
        if obj.is(Py_None()) {
            return Ok(None);
        }
        let _guard = Py_EnterRecursiveCall(" while traversing 'stmt' node")?;
        let loc = self.attributes(obj, "stmt")?;
        let range = self.new_node(Some(loc));
        let stmt = if self.is(obj, "FunctionDef")? || self.is(obj, "AsyncFunctionDef")? {
            let is_async = !self.is(obj, "FunctionDef")?;
            let owner = if is_async {
                "AsyncFunctionDef"
            } else {
                "FunctionDef"
            };
            let name = self.ident_field(obj, "name", owner)?;
            let args = self.field(obj, "args", owner)?;
            let args = self.obj2ast_arguments(&args, range)?;
            let body = self.stmts_field(obj, "body", owner, range)?;
            let decorator_list = self.exprs_field(obj, "decorator_list", owner, range)?;
            let returns = self.opt_expr_field(obj, "returns")?;
            let type_comment = self.opt_string_field(obj, "type_comment")?;
            if is_async {
                S::AsyncFunctionDef(ast::StmtAsyncFunctionDef {
                    range,
                    name,
                    args: Box::new(args),
                    body,
                    decorator_list,
                    returns,
                    type_comment,
                    type_params: Vec::new(),
                })
            } else {
                S::FunctionDef(ast::StmtFunctionDef {
                    range,
                    name,
                    args: Box::new(args),
                    body,
                    decorator_list,
                    returns,
                    type_comment,
                    type_params: Vec::new(),
                })
            }
        } else if self.is(obj, "ClassDef")? {
            let o = "ClassDef";
            let name = self.ident_field(obj, "name", o)?;
            let bases = self.exprs_field(obj, "bases", o, range)?;
            let keywords = self.seq(obj, "keywords", o, |s, k| s.obj2ast_keyword(k))?;
            let body = self.stmts_field(obj, "body", o, range)?;
            let decorator_list = self.exprs_field(obj, "decorator_list", o, range)?;
            S::ClassDef(ast::StmtClassDef {
                range,
                name,
                bases,
                keywords,
                body,
                decorator_list,
                type_params: Vec::new(),
            })
        } else if self.is(obj, "Return")? {
            let value = self.opt_expr_field(obj, "value")?;
            S::Return(ast::StmtReturn { range, value })
        } else if self.is(obj, "Delete")? {
            let targets = self.exprs_field(obj, "targets", "Delete", range)?;
            S::Delete(ast::StmtDelete { range, targets })
        } else if self.is(obj, "Assign")? {
            let o = "Assign";
            let targets = self.exprs_field(obj, "targets", o, range)?;
            let value = self.expr_field(obj, "value", o)?;
            let type_comment = self.opt_string_field(obj, "type_comment")?;
            S::Assign(ast::StmtAssign {
                range,
                targets,
                value: need(value, "value", o)?,
                type_comment,
            })
        } else if self.is(obj, "AugAssign")? {
            let o = "AugAssign";
            let target = self.expr_field(obj, "target", o)?;
            let op = self.obj2ast_operator(&*self.field(obj, "op", o)?)?;
            let value = self.expr_field(obj, "value", o)?;
            S::AugAssign(ast::StmtAugAssign {
                range,
                target: need(target, "target", o)?,
                op,
                value: need(value, "value", o)?,
            })
        } else if self.is(obj, "AnnAssign")? {
            let o = "AnnAssign";
            let target = self.expr_field(obj, "target", o)?;
            let annotation = self.expr_field(obj, "annotation", o)?;
            let value = self.opt_expr_field(obj, "value")?;
            let simple = self.int_field(obj, "simple", o)?;
            S::AnnAssign(ast::StmtAnnAssign {
                range,
                target: need(target, "target", o)?,
                annotation: need(annotation, "annotation", o)?,
                value,
                simple: simple != 0,
            })
        } else if self.is(obj, "For")? || self.is(obj, "AsyncFor")? {
            let is_async = !self.is(obj, "For")?;
            let o = if is_async { "AsyncFor" } else { "For" };
            let target = self.expr_field(obj, "target", o)?;
            let iter = self.expr_field(obj, "iter", o)?;
            let body = self.stmts_field(obj, "body", o, range)?;
            let orelse = self.stmts_field(obj, "orelse", o, range)?;
            let type_comment = self.opt_string_field(obj, "type_comment")?;
            let target = need(target, "target", o)?;
            let iter = need(iter, "iter", o)?;
            if is_async {
                S::AsyncFor(ast::StmtAsyncFor {
                    range,
                    target,
                    iter,
                    body,
                    orelse,
                    type_comment,
                })
            } else {
                S::For(ast::StmtFor {
                    range,
                    target,
                    iter,
                    body,
                    orelse,
                    type_comment,
                })
            }
        } else if self.is(obj, "While")? || self.is(obj, "If")? {
            let is_if = self.is(obj, "If")?;
            let o = if is_if { "If" } else { "While" };
            let test = self.expr_field(obj, "test", o)?;
            let body = self.stmts_field(obj, "body", o, range)?;
            let orelse = self.stmts_field(obj, "orelse", o, range)?;
            let test = need(test, "test", o)?;
            if is_if {
                S::If(ast::StmtIf {
                    range,
                    test,
                    body,
                    orelse,
                })
            } else {
                S::While(ast::StmtWhile {
                    range,
                    test,
                    body,
                    orelse,
                })
            }
        } else if self.is(obj, "With")? || self.is(obj, "AsyncWith")? {
            let is_async = !self.is(obj, "With")?;
            let o = if is_async { "AsyncWith" } else { "With" };
            let items = self.seq(obj, "items", o, |s, w| s.obj2ast_withitem(w))?;
            let body = self.stmts_field(obj, "body", o, range)?;
            let type_comment = self.opt_string_field(obj, "type_comment")?;
            if is_async {
                S::AsyncWith(ast::StmtAsyncWith {
                    range,
                    items,
                    body,
                    type_comment,
                })
            } else {
                S::With(ast::StmtWith {
                    range,
                    items,
                    body,
                    type_comment,
                })
            }
        } else if self.is(obj, "Match")? {
            let o = "Match";
            let subject = self.expr_field(obj, "subject", o)?;
            let cases = self.seq(obj, "cases", o, |s, c| s.obj2ast_match_case(c))?;
            S::Match(ast::StmtMatch {
                range,
                subject: need(subject, "subject", o)?,
                cases,
            })
        } else if self.is(obj, "Raise")? {
            let exc = self.opt_expr_field(obj, "exc")?;
            let cause = self.opt_expr_field(obj, "cause")?;
            S::Raise(ast::StmtRaise { range, exc, cause })
        } else if self.is(obj, "Try")? || self.is(obj, "TryStar")? {
            let is_star = self.is(obj, "TryStar")?;
            let o = if is_star { "TryStar" } else { "Try" };
            let body = self.stmts_field(obj, "body", o, range)?;
            let handlers = self.seq(obj, "handlers", o, |s, h| s.obj2ast_excepthandler(h))?;
            let orelse = self.stmts_field(obj, "orelse", o, range)?;
            let finalbody = self.stmts_field(obj, "finalbody", o, range)?;
            // FIXME(pyrs): CPython keeps a None handler (the compiler then fails).
            let handlers = handlers.into_iter().flatten().collect();
            if is_star {
                S::TryStar(ast::StmtTryStar {
                    range,
                    body,
                    handlers,
                    orelse,
                    finalbody,
                })
            } else {
                S::Try(ast::StmtTry {
                    range,
                    body,
                    handlers,
                    orelse,
                    finalbody,
                })
            }
        } else if self.is(obj, "Assert")? {
            let test = self.expr_field(obj, "test", "Assert")?;
            let msg = self.opt_expr_field(obj, "msg")?;
            S::Assert(ast::StmtAssert {
                range,
                test: need(test, "test", "Assert")?,
                msg,
            })
        } else if self.is(obj, "Import")? {
            let names = self.seq(obj, "names", "Import", |s, a| s.obj2ast_alias(a))?;
            S::Import(ast::StmtImport { range, names })
        } else if self.is(obj, "ImportFrom")? {
            let o = "ImportFrom";
            let module = self.opt_ident_field(obj, "module")?;
            let names = self.seq(obj, "names", o, |s, a| s.obj2ast_alias(a))?;
            let level = match self.opt_field(obj, "level")? {
                Some(v) => obj2ast_int(&v)?,
                None => 0,
            };
            if level < 0 {
                self.defer(range, value_error("Negative ImportFrom level"));
            }
            S::ImportFrom(ast::StmtImportFrom {
                range,
                module,
                names,
                level: Some(ast::Int::new(level.max(0) as u32)),
            })
        } else if self.is(obj, "Global")? {
            let names = self.idents_field(obj, "names", "Global")?;
            S::Global(ast::StmtGlobal { range, names })
        } else if self.is(obj, "Nonlocal")? {
            let names = self.idents_field(obj, "names", "Nonlocal")?;
            S::Nonlocal(ast::StmtNonlocal { range, names })
        } else if self.is(obj, "Expr")? {
            let value = self.expr_field(obj, "value", "Expr")?;
            S::Expr(ast::StmtExpr {
                range,
                value: need(value, "value", "Expr")?,
            })
        } else if self.is(obj, "Pass")? {
            S::Pass(ast::StmtPass { range })
        } else if self.is(obj, "Break")? {
            S::Break(ast::StmtBreak { range })
        } else if self.is(obj, "Continue")? {
            S::Continue(ast::StmtContinue { range })
        } else {
            return Err(type_error(format!(
                "expected some sort of stmt, but got {}",
                repr(obj)?
            )));
        };
        Ok(Some(stmt))
    }

    fn comprehension_fields(
        &mut self,
        obj: &PyObject,
        o: &str,
    ) -> PyResult<Vec<ast::Comprehension>> {
        self.seq(obj, "generators", o, |s, c| s.obj2ast_comprehension(c))
    }

    /// `obj2ast_expr`. None is None (the caller decides whether that is allowed).
    fn obj2ast_expr(&mut self, obj: &PyObject) -> PyResult<Option<ast::Expr>> {
        use ast::Expr as E;
        if obj.is(Py_None()) {
            return Ok(None);
        }
        let _guard = Py_EnterRecursiveCall(" while traversing 'expr' node")?;
        let loc = self.attributes(obj, "expr")?;
        let range = self.new_node(Some(loc));
        let expr = if self.is(obj, "BoolOp")? {
            let op = self.obj2ast_boolop(&*self.field(obj, "op", "BoolOp")?)?;
            let values = self.exprs_field(obj, "values", "BoolOp", range)?;
            E::BoolOp(ast::ExprBoolOp { range, op, values })
        } else if self.is(obj, "NamedExpr")? {
            let o = "NamedExpr";
            let target = self.expr_field(obj, "target", o)?;
            let value = self.expr_field(obj, "value", o)?;
            E::NamedExpr(ast::ExprNamedExpr {
                range,
                target: need(target, "target", o)?,
                value: need(value, "value", o)?,
            })
        } else if self.is(obj, "BinOp")? {
            let o = "BinOp";
            let left = self.expr_field(obj, "left", o)?;
            let op = self.obj2ast_operator(&*self.field(obj, "op", o)?)?;
            let right = self.expr_field(obj, "right", o)?;
            E::BinOp(ast::ExprBinOp {
                range,
                left: need(left, "left", o)?,
                op,
                right: need(right, "right", o)?,
            })
        } else if self.is(obj, "UnaryOp")? {
            let o = "UnaryOp";
            let op = self.obj2ast_unaryop(&*self.field(obj, "op", o)?)?;
            let operand = self.expr_field(obj, "operand", o)?;
            E::UnaryOp(ast::ExprUnaryOp {
                range,
                op,
                operand: need(operand, "operand", o)?,
            })
        } else if self.is(obj, "Lambda")? {
            let o = "Lambda";
            let args = self.field(obj, "args", o)?;
            let args = self.obj2ast_arguments(&args, range)?;
            let body = self.expr_field(obj, "body", o)?;
            E::Lambda(ast::ExprLambda {
                range,
                args: Box::new(args),
                body: need(body, "body", o)?,
            })
        } else if self.is(obj, "IfExp")? {
            let o = "IfExp";
            let test = self.expr_field(obj, "test", o)?;
            let body = self.expr_field(obj, "body", o)?;
            let orelse = self.expr_field(obj, "orelse", o)?;
            E::IfExp(ast::ExprIfExp {
                range,
                test: need(test, "test", o)?,
                body: need(body, "body", o)?,
                orelse: need(orelse, "orelse", o)?,
            })
        } else if self.is(obj, "Dict")? {
            let keys = self.seq(obj, "keys", "Dict", |s, k| s.obj2ast_expr(k))?;
            let values = self.exprs_field(obj, "values", "Dict", range)?;
            if keys.len() != values.len() {
                self.defer(
                    range,
                    value_error("Dict doesn't have the same number of keys as values"),
                );
            }
            E::Dict(ast::ExprDict {
                range,
                keys,
                values,
            })
        } else if self.is(obj, "Set")? {
            let elts = self.exprs_field(obj, "elts", "Set", range)?;
            E::Set(ast::ExprSet { range, elts })
        } else if self.is(obj, "ListComp")? {
            let elt = self.expr_field(obj, "elt", "ListComp")?;
            let generators = self.comprehension_fields(obj, "ListComp")?;
            E::ListComp(ast::ExprListComp {
                range,
                elt: need(elt, "elt", "ListComp")?,
                generators,
            })
        } else if self.is(obj, "SetComp")? {
            let elt = self.expr_field(obj, "elt", "SetComp")?;
            let generators = self.comprehension_fields(obj, "SetComp")?;
            E::SetComp(ast::ExprSetComp {
                range,
                elt: need(elt, "elt", "SetComp")?,
                generators,
            })
        } else if self.is(obj, "DictComp")? {
            let o = "DictComp";
            let key = self.expr_field(obj, "key", o)?;
            let value = self.expr_field(obj, "value", o)?;
            let generators = self.comprehension_fields(obj, o)?;
            E::DictComp(ast::ExprDictComp {
                range,
                key: need(key, "key", o)?,
                value: need(value, "value", o)?,
                generators,
            })
        } else if self.is(obj, "GeneratorExp")? {
            let elt = self.expr_field(obj, "elt", "GeneratorExp")?;
            let generators = self.comprehension_fields(obj, "GeneratorExp")?;
            E::GeneratorExp(ast::ExprGeneratorExp {
                range,
                elt: need(elt, "elt", "GeneratorExp")?,
                generators,
            })
        } else if self.is(obj, "Await")? {
            let value = self.expr_field(obj, "value", "Await")?;
            E::Await(ast::ExprAwait {
                range,
                value: need(value, "value", "Await")?,
            })
        } else if self.is(obj, "Yield")? {
            let value = self.opt_expr_field(obj, "value")?;
            E::Yield(ast::ExprYield { range, value })
        } else if self.is(obj, "YieldFrom")? {
            let value = self.expr_field(obj, "value", "YieldFrom")?;
            E::YieldFrom(ast::ExprYieldFrom {
                range,
                value: need(value, "value", "YieldFrom")?,
            })
        } else if self.is(obj, "Compare")? {
            let o = "Compare";
            let left = self.expr_field(obj, "left", o)?;
            let ops = self.seq(obj, "ops", o, |s, op| s.obj2ast_cmpop(op))?;
            let comparators = self.exprs_field(obj, "comparators", o, range)?;
            if comparators.is_empty() {
                self.defer(range, value_error("Compare with no comparators"));
            } else if comparators.len() != ops.len() {
                self.defer(
                    range,
                    value_error("Compare has a different number of comparators and operands"),
                );
            }
            E::Compare(ast::ExprCompare {
                range,
                left: need(left, "left", o)?,
                ops,
                comparators,
            })
        } else if self.is(obj, "Call")? {
            let o = "Call";
            let func = self.expr_field(obj, "func", o)?;
            let args = self.exprs_field(obj, "args", o, range)?;
            let keywords = self.seq(obj, "keywords", o, |s, k| s.obj2ast_keyword(k))?;
            E::Call(ast::ExprCall {
                range,
                func: need(func, "func", o)?,
                args,
                keywords,
            })
        } else if self.is(obj, "FormattedValue")? {
            let o = "FormattedValue";
            let value = self.expr_field(obj, "value", o)?;
            let conversion = self.int_field(obj, "conversion", o)?;
            let format_spec = self.opt_expr_field(obj, "format_spec")?;
            let conversion = match conversion {
                -1 => ast::ConversionFlag::None,
                115 => ast::ConversionFlag::Str,
                114 => ast::ConversionFlag::Repr,
                97 => ast::ConversionFlag::Ascii,
                other => {
                    if self.compile_error.is_none() {
                        self.compile_error = Some(system_error(format!(
                            "Unrecognized conversion character {other}"
                        )));
                    }
                    ast::ConversionFlag::None
                }
            };
            E::FormattedValue(ast::ExprFormattedValue {
                range,
                value: need(value, "value", o)?,
                conversion,
                format_spec,
            })
        } else if self.is(obj, "JoinedStr")? {
            let values = self.exprs_field(obj, "values", "JoinedStr", range)?;
            E::JoinedStr(ast::ExprJoinedStr { range, values })
        } else if self.is(obj, "Constant")? {
            let value = self.field(obj, "value", "Constant")?;
            let kind = self.opt_string_field(obj, "kind")?;
            let (value, kind) = match constant_value(&value)? {
                Ok(c) => {
                    let frozen = value.is_type(&PyFrozenSet_Type);
                    let kind = if frozen {
                        Some(crate::ast_opt::FROZENSET_KIND.to_string())
                    } else {
                        kind
                    };
                    (c, kind)
                }
                Err(e) => {
                    self.defer(range, e);
                    (ast::Constant::None, kind)
                }
            };
            E::Constant(ast::ExprConstant { range, value, kind })
        } else if self.is(obj, "Attribute")? {
            let o = "Attribute";
            let value = self.expr_field(obj, "value", o)?;
            let attr = self.ident_field(obj, "attr", o)?;
            let ctx = self.obj2ast_expr_context(&*self.field(obj, "ctx", o)?)?;
            E::Attribute(ast::ExprAttribute {
                range,
                value: need(value, "value", o)?,
                attr,
                ctx,
            })
        } else if self.is(obj, "Subscript")? {
            let o = "Subscript";
            let value = self.expr_field(obj, "value", o)?;
            let slice = self.expr_field(obj, "slice", o)?;
            let ctx = self.obj2ast_expr_context(&*self.field(obj, "ctx", o)?)?;
            E::Subscript(ast::ExprSubscript {
                range,
                value: need(value, "value", o)?,
                slice: need(slice, "slice", o)?,
                ctx,
            })
        } else if self.is(obj, "Starred")? {
            let o = "Starred";
            let value = self.expr_field(obj, "value", o)?;
            let ctx = self.obj2ast_expr_context(&*self.field(obj, "ctx", o)?)?;
            E::Starred(ast::ExprStarred {
                range,
                value: need(value, "value", o)?,
                ctx,
            })
        } else if self.is(obj, "Name")? {
            let id = self.ident_field(obj, "id", "Name")?;
            let ctx = self.obj2ast_expr_context(&*self.field(obj, "ctx", "Name")?)?;
            E::Name(ast::ExprName { range, id, ctx })
        } else if self.is(obj, "List")? {
            let elts = self.exprs_field(obj, "elts", "List", range)?;
            let ctx = self.obj2ast_expr_context(&*self.field(obj, "ctx", "List")?)?;
            E::List(ast::ExprList { range, elts, ctx })
        } else if self.is(obj, "Tuple")? {
            let elts = self.exprs_field(obj, "elts", "Tuple", range)?;
            let ctx = self.obj2ast_expr_context(&*self.field(obj, "ctx", "Tuple")?)?;
            E::Tuple(ast::ExprTuple { range, elts, ctx })
        } else if self.is(obj, "Slice")? {
            let lower = self.opt_expr_field(obj, "lower")?;
            let upper = self.opt_expr_field(obj, "upper")?;
            let step = self.opt_expr_field(obj, "step")?;
            E::Slice(ast::ExprSlice {
                range,
                lower,
                upper,
                step,
            })
        } else {
            return Err(type_error(format!(
                "expected some sort of expr, but got {}",
                repr(obj)?
            )));
        };
        Ok(Some(expr))
    }

    fn obj2ast_comprehension(&mut self, obj: &PyObject) -> PyResult<ast::Comprehension> {
        let _guard = Py_EnterRecursiveCall(" while traversing 'comprehension' node")?;
        let o = "comprehension";
        let target = self.expr_field(obj, "target", o)?;
        let iter = self.expr_field(obj, "iter", o)?;
        // The `ifs` of a comprehension have no node of their own to report at: a
        // None among them is reported at the comprehension's iterable.
        let ifs = self.seq(obj, "ifs", o, |s, e| s.obj2ast_expr(e))?;
        let is_async = self.int_field(obj, "is_async", o)?;
        let target = need(target, "target", o)?;
        let iter = need(iter, "iter", o)?;
        if ifs.iter().any(Option::is_none) {
            self.defer(
                iter.range(),
                value_error("None disallowed in expression list"),
            );
        }
        Ok(ast::Comprehension {
            range: Default::default(),
            target: *target,
            iter: *iter,
            ifs: ifs.into_iter().flatten().collect(),
            is_async: is_async != 0,
        })
    }

    fn obj2ast_excepthandler(&mut self, obj: &PyObject) -> PyResult<Option<ast::ExceptHandler>> {
        if obj.is(Py_None()) {
            return Ok(None);
        }
        let _guard = Py_EnterRecursiveCall(" while traversing 'excepthandler' node")?;
        let loc = self.attributes(obj, "excepthandler")?;
        let range = self.new_node(Some(loc));
        if self.is(obj, "ExceptHandler")? {
            let o = "ExceptHandler";
            let type_ = self.opt_expr_field(obj, "type")?;
            let name = self.opt_ident_field(obj, "name")?;
            let body = self.stmts_field(obj, "body", o, range)?;
            return Ok(Some(ast::ExceptHandler::ExceptHandler(
                ast::ExceptHandlerExceptHandler {
                    range,
                    type_,
                    name,
                    body,
                },
            )));
        }
        Err(type_error(format!(
            "expected some sort of excepthandler, but got {}",
            repr(obj)?
        )))
    }

    /// `obj2ast_arguments`, rebuilt in rustpython's shape: the positional
    /// defaults go to the last parameters. Counts the validator rejects are kept
    /// as its error, at `owner`.
    fn obj2ast_arguments(&mut self, obj: &PyObject, owner: TextRange) -> PyResult<ast::Arguments> {
        let _guard = Py_EnterRecursiveCall(" while traversing 'arguments' node")?;
        let o = "arguments";
        let posonlyargs = self.seq(obj, "posonlyargs", o, |s, a| s.obj2ast_arg(a))?;
        let args = self.seq(obj, "args", o, |s, a| s.obj2ast_arg(a))?;
        let vararg = match self.opt_field(obj, "vararg")? {
            Some(v) => Some(Box::new(self.obj2ast_arg(&v)?)),
            None => None,
        };
        let kwonlyargs = self.seq(obj, "kwonlyargs", o, |s, a| s.obj2ast_arg(a))?;
        let kw_defaults = self.seq(obj, "kw_defaults", o, |s, e| s.obj2ast_expr(e))?;
        let kwarg = match self.opt_field(obj, "kwarg")? {
            Some(v) => Some(Box::new(self.obj2ast_arg(&v)?)),
            None => None,
        };
        let defaults = self.seq(obj, "defaults", o, |s, e| s.obj2ast_expr(e))?;
        let id = node_id(owner);
        let npos = posonlyargs.len() + args.len();
        let mut error = None;
        if defaults.len() > npos {
            error = Some(value_error(
                "more positional defaults than args on arguments",
            ));
        } else if kw_defaults.len() != kwonlyargs.len() {
            error = Some(value_error(
                "length of kwonlyargs is not the same as kw_defaults on arguments",
            ));
        } else if defaults.iter().any(Option::is_none) {
            error = Some(value_error("None disallowed in expression list"));
        }
        if let Some(e) = error {
            self.deferred_args.entry(id).or_insert(e);
        }
        let first_default = npos.saturating_sub(defaults.len());
        let mut defaults = defaults.into_iter();
        let mut kw_defaults = kw_defaults.into_iter();
        let mut i = 0;
        let mut with_default =
            |def: ast::Arg, defaults: &mut dyn Iterator<Item = Option<ast::Expr>>| {
                let default = if i >= first_default {
                    defaults.next().flatten().map(Box::new)
                } else {
                    None
                };
                i += 1;
                ast::ArgWithDefault {
                    range: Default::default(),
                    def,
                    default,
                }
            };
        let posonlyargs = posonlyargs
            .into_iter()
            .map(|a| with_default(a, &mut defaults))
            .collect();
        let args = args
            .into_iter()
            .map(|a| with_default(a, &mut defaults))
            .collect();
        let kwonlyargs = kwonlyargs
            .into_iter()
            .map(|def| ast::ArgWithDefault {
                range: Default::default(),
                def,
                default: kw_defaults.next().flatten().map(Box::new),
            })
            .collect();
        Ok(ast::Arguments {
            range: Default::default(),
            posonlyargs,
            args,
            vararg,
            kwonlyargs,
            kwarg,
        })
    }

    /// `obj2ast_arg`: the fields, then the attributes.
    fn obj2ast_arg(&mut self, obj: &PyObject) -> PyResult<ast::Arg> {
        let _guard = Py_EnterRecursiveCall(" while traversing 'arg' node")?;
        let o = "arg";
        let arg = self.ident_field(obj, "arg", o)?;
        let annotation = self.opt_expr_field(obj, "annotation")?;
        let type_comment = self.opt_string_field(obj, "type_comment")?;
        let loc = self.attributes(obj, o)?;
        let range = self.new_node(Some(loc));
        Ok(ast::Arg {
            range,
            arg,
            annotation,
            type_comment,
        })
    }

    fn obj2ast_keyword(&mut self, obj: &PyObject) -> PyResult<ast::Keyword> {
        let _guard = Py_EnterRecursiveCall(" while traversing 'keyword' node")?;
        let o = "keyword";
        let arg = self.opt_ident_field(obj, "arg")?;
        let value = self.expr_field(obj, "value", o)?;
        let loc = self.attributes(obj, o)?;
        let range = self.new_node(Some(loc));
        Ok(ast::Keyword {
            range,
            arg,
            value: *need(value, "value", o)?,
        })
    }

    fn obj2ast_alias(&mut self, obj: &PyObject) -> PyResult<ast::Alias> {
        let _guard = Py_EnterRecursiveCall(" while traversing 'alias' node")?;
        let o = "alias";
        let name = self.ident_field(obj, "name", o)?;
        let asname = self.opt_ident_field(obj, "asname")?;
        let loc = self.attributes(obj, o)?;
        let range = self.new_node(Some(loc));
        Ok(ast::Alias {
            range,
            name,
            asname,
        })
    }

    fn obj2ast_withitem(&mut self, obj: &PyObject) -> PyResult<ast::WithItem> {
        let _guard = Py_EnterRecursiveCall(" while traversing 'withitem' node")?;
        let o = "withitem";
        let context_expr = self.expr_field(obj, "context_expr", o)?;
        let optional_vars = self.opt_expr_field(obj, "optional_vars")?;
        Ok(ast::WithItem {
            range: Default::default(),
            context_expr: *need(context_expr, "context_expr", o)?,
            optional_vars,
        })
    }

    fn obj2ast_match_case(&mut self, obj: &PyObject) -> PyResult<ast::MatchCase> {
        let _guard = Py_EnterRecursiveCall(" while traversing 'match_case' node")?;
        let o = "match_case";
        let pattern = self.field(obj, "pattern", o)?;
        let pattern = self.obj2ast_pattern(&pattern)?;
        let guard = self.opt_expr_field(obj, "guard")?;
        let pattern = need(pattern, "pattern", o)?;
        let at = pattern_range(&pattern);
        let body = self.stmts_field(obj, "body", o, at)?;
        Ok(ast::MatchCase {
            range: Default::default(),
            pattern,
            guard,
            body,
        })
    }

    fn patterns_field(
        &mut self,
        obj: &PyObject,
        name: &'static str,
        owner: &str,
    ) -> PyResult<Vec<ast::Pattern>> {
        let items = self.seq(obj, name, owner, |s, p| s.obj2ast_pattern(p))?;
        // FIXME(pyrs): a None pattern in a list (a NULL CPython's validator
        // dereferences) is dropped.
        Ok(items.into_iter().flatten().collect())
    }

    fn obj2ast_pattern(&mut self, obj: &PyObject) -> PyResult<Option<ast::Pattern>> {
        use ast::Pattern as P;
        if obj.is(Py_None()) {
            return Ok(None);
        }
        let _guard = Py_EnterRecursiveCall(" while traversing 'pattern' node")?;
        let loc = self.pattern_attributes(obj)?;
        let range = self.new_node(Some(loc));
        let p = if self.is(obj, "MatchValue")? {
            let value = self.expr_field(obj, "value", "MatchValue")?;
            P::MatchValue(ast::PatternMatchValue {
                range,
                value: need(value, "value", "MatchValue")?,
            })
        } else if self.is(obj, "MatchSingleton")? {
            let value = self.field(obj, "value", "MatchSingleton")?;
            let value = if value.is(Py_None()) {
                ast::Constant::None
            } else if value.is_type(&PyBool_Type) {
                ast::Constant::Bool(value.is(Py_True()))
            } else {
                self.defer(
                    range,
                    value_error("MatchSingleton can only contain True, False and None"),
                );
                ast::Constant::None
            };
            P::MatchSingleton(ast::PatternMatchSingleton { range, value })
        } else if self.is(obj, "MatchSequence")? {
            let patterns = self.patterns_field(obj, "patterns", "MatchSequence")?;
            P::MatchSequence(ast::PatternMatchSequence { range, patterns })
        } else if self.is(obj, "MatchMapping")? {
            let o = "MatchMapping";
            let keys = self.exprs_field(obj, "keys", o, range)?;
            let patterns = self.patterns_field(obj, "patterns", o)?;
            let rest = self.opt_ident_field(obj, "rest")?;
            P::MatchMapping(ast::PatternMatchMapping {
                range,
                keys,
                patterns,
                rest,
            })
        } else if self.is(obj, "MatchClass")? {
            let o = "MatchClass";
            let cls = self.expr_field(obj, "cls", o)?;
            let patterns = self.patterns_field(obj, "patterns", o)?;
            let kwd_attrs = self.idents_field(obj, "kwd_attrs", o)?;
            let kwd_patterns = self.patterns_field(obj, "kwd_patterns", o)?;
            P::MatchClass(ast::PatternMatchClass {
                range,
                cls: need(cls, "cls", o)?,
                patterns,
                kwd_attrs,
                kwd_patterns,
            })
        } else if self.is(obj, "MatchStar")? {
            let name = self.opt_ident_field(obj, "name")?;
            P::MatchStar(ast::PatternMatchStar { range, name })
        } else if self.is(obj, "MatchAs")? {
            let pattern = match self.opt_field(obj, "pattern")? {
                Some(p) => self.obj2ast_pattern(&p)?.map(Box::new),
                None => None,
            };
            let name = self.opt_ident_field(obj, "name")?;
            P::MatchAs(ast::PatternMatchAs {
                range,
                pattern,
                name,
            })
        } else if self.is(obj, "MatchOr")? {
            let patterns = self.patterns_field(obj, "patterns", "MatchOr")?;
            P::MatchOr(ast::PatternMatchOr { range, patterns })
        } else {
            return Err(type_error(format!(
                "expected some sort of pattern, but got {}",
                repr(obj)?
            )));
        };
        Ok(Some(p))
    }
}

fn pattern_range(p: &ast::Pattern) -> TextRange {
    p.range()
}

/// The ranges of the converted tree, from provisional offsets (node ids) to
/// offsets into the table of positions, with that table as a `LineIndex`.
pub struct Remap {
    /// Node id to (start offset, end offset).
    offsets: Vec<(u32, u32)>,
}

impl Remap {
    /// Order every position the nodes name; offset 0 stays "no position" (the
    /// nodes without attributes, and what the optimiser makes).
    pub fn new(locs: &[Option<Loc>]) -> (Remap, LineIndex) {
        let mut points: Vec<(i32, i32)> = locs
            .iter()
            .flatten()
            .flat_map(|l| [(l[0], l[1]), (l[2], l[3])])
            .collect();
        points.sort_unstable();
        points.dedup();
        let rank = |p: (i32, i32)| points.binary_search(&p).map_or(0, |i| i as u32 + 1);
        let offsets = locs
            .iter()
            .map(|l| match l {
                Some(l) => {
                    let start = rank((l[0], l[1]));
                    // Nodes the validator does not check (keyword, alias) may end
                    // before they start; their end is not used.
                    (start, rank((l[2], l[3])).max(start))
                }
                None => (0, 0),
            })
            .collect();
        let mut table = Vec::with_capacity(points.len() + 1);
        table.push((1, 0));
        table.extend(points);
        (Remap { offsets }, LineIndex::from_points(table))
    }

    pub fn parsed(&mut self, parsed: Parsed) -> Parsed {
        use ast::fold::Fold;
        match parsed {
            Parsed::Module(body) => Parsed::Module(
                body.into_iter()
                    .map(|s| match self.fold_stmt(s) {
                        Ok(s) => s,
                        Err(never) => match never {},
                    })
                    .collect(),
            ),
            Parsed::Expression(e) => Parsed::Expression(match self.fold_expr(e) {
                Ok(e) => e,
                Err(never) => match never {},
            }),
        }
    }
}

impl ast::fold::Fold<TextRange> for Remap {
    type TargetU = TextRange;
    type Error = std::convert::Infallible;
    type UserContext = ();

    fn will_map_user(&mut self, _user: &TextRange) {}

    fn map_user(&mut self, user: TextRange, _context: ()) -> Result<TextRange, Self::Error> {
        let (start, end) = self
            .offsets
            .get(node_id(user) as usize)
            .copied()
            .unwrap_or((0, 0));
        Ok(TextRange::new(TextSize::from(start), TextSize::from(end)))
    }
}

/// `compile(tree, filename, mode)` for an AST object: `PyAST_obj2mod`,
/// `_PyAST_Validate`, then `_PyAST_Compile`.
pub fn compile_ast_object(
    obj: &PyObject,
    filename: &str,
    mode: Mode,
    flags: crate::compile::PyCompilerFlags,
    optimize: i32,
) -> PyResult<PyRef<include::code::PyCodeObject>> {
    let state = crate::python_ast::get_ast_state()?;
    let mut cv = Obj2Ast::new(&state);
    let parsed = cv.obj2mod(obj, mode)?;
    crate::ast_validate::validate(&parsed, &mut cv)?;
    if let Some(e) = cv.compile_error.take() {
        return Err(e);
    }
    let (mut remap, lines) = Remap::new(&cv.locs);
    let optimize = if optimize < 0 {
        crate::sysmodule::optimization_level()
    } else {
        optimize
    };
    let remap = move |p: Parsed| (remap.parsed(p), lines);
    match crate::compile::compile_ast(parsed, remap, filename, mode, flags, optimize) {
        Ok(unit) => crate::makecode::make_code(&unit),
        Err(e) => Err(crate::pythonrun::compile_error_to_exception(&e, filename)),
    }
}
