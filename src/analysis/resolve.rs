//! Name resolution and type coercion of expressions against a plan's output.

use super::coercion::coerce;
use super::functions::{self, Flags};
use super::naming::sql_text;
use super::typing::{cast_refusal, common_type, data_type};
use super::Conf;
use crate::error::{Error, ErrorKind, Result};
use crate::ir::function::StructFn;
use crate::ir::udf::{PythonUdf, UdfDef};
use crate::ir::{Attribute, BinaryOp, CaseForm, CastKind, DataType, Expr, Func, LambdaBinding, LambdaVar, Plan, SortKey, Value, OUTER_PLAN_ID};

/// What the clause being resolved may contain (Spark checks these per clause).
#[derive(Debug, Clone, Copy, Default)]
pub struct Scope {
    /// Aggregate functions (the output list of an aggregation).
    pub aggregates: bool,
    /// Window expressions `f(...) OVER (...)` (a projection's list).
    pub windows: bool,
    /// Window functions (`row_number`...): only as the function of an OVER.
    pub window_function: bool,
    /// A generator (`explode`...): only at the top of a select list.
    pub generator: bool,
}

/// Resolves expressions against the output of `input` (for joins: both inputs).
pub struct Resolver<'a> {
    pub inputs: Vec<&'a Plan>,
    pub conf: &'a Conf,
    pub scope: Scope,
    /// The variables of the lambdas being resolved, innermost last.
    pub lambdas: Vec<LambdaVar>,
}

impl<'a> Resolver<'a> {
    pub fn new(input: &'a Plan, conf: &'a Conf) -> Self {
        Resolver { inputs: vec![input], conf, scope: Scope::default(), lambdas: vec![] }
    }

    /// The same resolver for a nested part of the expression with another scope.
    fn within(&self, scope: Scope) -> Resolver<'a> {
        Resolver { inputs: self.inputs.clone(), conf: self.conf, scope, lambdas: self.lambdas.clone() }
    }

    /// `s.*` over a struct column: each of its fields, named as the field (Spark's
    /// `UnresolvedStar.expand` over a struct).
    fn struct_star(&self, q: &str) -> Option<Vec<Expr>> {
        let parts: Vec<String> = q.split('.').map(str::to_string).collect();
        let resolved = self.resolve(Expr::Unresolved { parts: parts.clone(), plan_id: None }).ok()?;
        let DataType::Struct(fields) = super::typing::data_type(&resolved) else { return None };
        let field = |f: &crate::ir::StructField| {
            let path = parts.iter().cloned().chain([f.name.clone()]).collect();
            Expr::Alias { expr: Box::new(Expr::Unresolved { parts: path, plan_id: None }), name: f.name.clone(), metadata: None }
        };
        Some(fields.iter().map(field).collect())
    }

    fn output(&self) -> impl Iterator<Item = &Attribute> {
        self.inputs.iter().flat_map(|p| p.output.iter())
    }

    /// Expands `*` and `t.*` into the columns they stand for.
    pub fn expand_stars(&self, exprs: Vec<Expr>) -> Result<Vec<Expr>> {
        let mut out = Vec::with_capacity(exprs.len());
        for e in exprs {
            match &e {
                Expr::Star { qualifier: None, plan_id: None } => out.extend(self.output().cloned().map(Expr::Attr)),
                e if super::col_regex::as_col_regex(e).is_some() => {
                    let (pattern, qualifier) = super::col_regex::as_col_regex(e).expect("checked");
                    out.extend(super::col_regex::expand(pattern, qualifier, self.output(), self.conf.case_sensitive)?);
                }
                Expr::Star { plan_id: Some(pid), .. } => {
                    let attrs = self.attrs_of_plan(*pid)?;
                    out.extend(attrs.into_iter().map(Expr::Attr));
                }
                Expr::Star { qualifier: Some(q), .. } => {
                    let attrs: Vec<Attribute> = self
                        .output()
                        .filter(|a| a.qualifier.as_deref().is_some_and(|aq| self.conf.names_equal(aq, q)))
                        .cloned()
                        .collect();
                    if attrs.is_empty() {
                        if let Some(fields) = self.struct_star(q) {
                            out.extend(fields);
                            continue;
                        }
                        return Err(Error::analysis(
                            "CANNOT_RESOLVE_STAR_EXPAND",
                            format!("Cannot resolve `{q}`.* given input columns {}.", self.column_list()),
                        ));
                    }
                    out.extend(attrs.into_iter().map(Expr::Attr));
                }
                _ => out.push(e),
            }
        }
        Ok(out)
    }

    fn column_list(&self) -> String {
        let names: Vec<String> = self.output().map(|a| format!("`{}`", a.name)).collect();
        names.join(", ")
    }

    /// The output attributes of the DataFrame with `plan_id`, as seen at the inputs.
    fn attrs_of_plan(&self, plan_id: u64) -> Result<Vec<Attribute>> {
        for input in &self.inputs {
            if let Some(node) = input.find_plan_id(plan_id) {
                return Ok(node.output.iter().filter_map(|a| map_through(input, node.plan_id, a)).collect());
            }
        }
        Err(cannot_resolve_dataframe_column("*"))
    }

    /// `base[key]`/`getItem` on a struct is the field access `base.key`, and Spark names
    /// it so (`st.s`, not `st[s]`): rewritten before the column is named. A base that
    /// does not resolve on its own (a lambda's variable) keeps its form.
    pub fn struct_items_as_fields(&self, e: Expr) -> Expr {
        e.transform_up(&mut |node| match node {
            Expr::Function { name, args, distinct } if name == "get_item" && args.len() == 2 => {
                let is_struct = matches!(args[1].unalias(), Expr::Literal(Value::String(_)))
                    && self.resolve(args[0].clone()).is_ok_and(|b| matches!(data_type(&b), DataType::Struct(_)));
                let name = if is_struct { "get_field".to_string() } else { name };
                Expr::Function { name, args, distinct }
            }
            other => other,
        })
    }

    pub fn resolve(&self, e: Expr) -> Result<Expr> {
        if let Some(err) = super::nesting::marker_error(&e) {
            return Err(err);
        }
        if super::nesting::counts(&e) == 0 {
            return self.resolve_node(e);
        }
        super::nesting::nested(|| self.resolve_node(e))
    }

    fn resolve_node(&self, e: Expr) -> Result<Expr> {
        Ok(match e {
            Expr::Unresolved { parts, plan_id: None } if self.lambda_variable(&parts[0], false).is_some() => {
                let var = self.lambda_variable(&parts[0], false).cloned().expect("checked");
                self.extract_fields(Expr::LambdaVariable(var), &parts[1..])?
            }
            Expr::Unresolved { parts, plan_id } => self.resolve_column(&parts, plan_id)?,
            Expr::LambdaVariable(v) => match self.lambda_variable(&v.name, true) {
                Some(bound) => Expr::LambdaVariable(bound.clone()),
                None => return Err(self.unresolved(&v.name)),
            },
            Expr::Lambda { .. } => {
                return Err(Error::analysis(
                    "INVALID_LAMBDA_FUNCTION_CALL.NON_HIGHER_ORDER_FUNCTION",
                    "Invalid lambda function call. A lambda function should only be used in a higher order function.",
                ))
            }
            Expr::Star { .. } => {
                return Err(Error::analysis("INVALID_USAGE_OF_STAR_OR_REGEX", "Invalid usage of '*' in expression."))
            }
            Expr::Attr(_) | Expr::Literal(_) => e,
            Expr::Alias { expr, name, metadata } => Expr::Alias { expr: Box::new(self.resolve(*expr)?), name, metadata },
            Expr::Cast { expr, to, kind } => {
                let inner = self.resolve(*expr)?;
                let from = data_type(&inner);
                if let Some(class) = cast_refusal(&from, &to, self.conf.ansi) {
                    // Spark's Cast.sql: a cast to ARRAY/MAP/STRUCT shows only its child.
                    let shown = sql_text(&Expr::Cast { expr: Box::new(inner), to: to.clone(), kind });
                    let err = Error::analysis(
                        class,
                        format!(
                            "Cannot resolve \"{shown}\" due to data type mismatch: cannot cast \"{}\" to \"{}\".",
                            from.sql(), to.sql()
                        ),
                    )
                    .with_param("sqlExpr", format!("\"{shown}\""))
                    .with_param("srcType", format!("\"{}\"", from.sql()))
                    .with_param("targetType", format!("\"{}\"", to.sql()));
                    // What Spark's Cast.typeCheckFailure suggests instead.
                    return Err(match class {
                        "DATATYPE_MISMATCH.CAST_WITH_FUNC_SUGGESTION" => {
                            let f = if from == DataType::Date { "`UNIX_DATE`" } else { "`DATE_FROM_UNIX_DATE`" };
                            err.with_param("functionNames", f)
                        }
                        "DATATYPE_MISMATCH.CAST_WITH_CONF_SUGGESTION" => {
                            err.with_param("config", "\"spark.sql.ansi.enabled\"").with_param("configVal", "'false'")
                        }
                        _ => err,
                    });
                }
                Expr::Cast { expr: Box::new(inner), to, kind }
            }
            Expr::Binary { op, left, right } => self.resolve_binary(op, *left, *right)?,
            Expr::Not(x) => Expr::Not(Box::new(self.boolean(*x, "NOT")?)),
            Expr::Negate(x) => {
                let inner = self.resolve(*x)?;
                // Spark casts a STRING and an untyped NULL to DOUBLE (`- NULL` is a DOUBLE NULL).
                let inner = if matches!(data_type(&inner), DataType::String | DataType::Null) { coerce(inner, &DataType::Double) } else { inner };
                // ANSI intervals negate too.
                if !data_type(&inner).is_ansi_interval() {
                    super::typing::numeric_check("negative", &data_type(&inner))?;
                }
                Expr::Negate(Box::new(inner))
            }
            Expr::IsNull(x) => Expr::IsNull(Box::new(self.resolve(*x)?)),
            Expr::IsNotNull(x) => Expr::IsNotNull(Box::new(self.resolve(*x)?)),
            Expr::In { expr, list } => {
                let expr = self.resolve(*expr)?;
                let list = list.into_iter().map(|x| self.resolve(x)).collect::<Result<Vec<_>>>()?;
                // Legacy mode widens a STRING beside numbers and dates to STRING (Spark's
                // InConversion through findWiderCommonType): `' 1.5 ' IN (1, 2)` compares
                // text and is false.
                let types: Vec<DataType> = std::iter::once(&expr).chain(&list).map(data_type).collect();
                let legacy = if self.conf.ansi { None } else { crate::analysis::typing::wider_common_type(&types, false) };
                let mut common = Some(data_type(&expr));
                for x in &list {
                    common = common.and_then(|c| common_type(&c, &data_type(x), self.conf.ansi));
                }
                let common = match legacy.or(common) {
                    Some(c) => c,
                    // Structs whose field names differ have no common type, but Spark's
                    // IN accepts them where the types agree field by field
                    // (`equalsStructurally`) and compares them by position:
                    // `(x, s) IN ((1, 'a'))`. Each item takes the value's field names.
                    None => {
                        let t = data_type(&expr);
                        if list.iter().any(|x| !super::typing::equals_structurally(&data_type(x), &t)) {
                            return Err(in_mismatch(&expr, &list));
                        }
                        t
                    }
                };
                Expr::In { expr: Box::new(coerce(expr, &common)), list: list.into_iter().map(|x| coerce(x, &common)).collect() }
            }
            Expr::CaseWhen { branches, otherwise, form: CaseForm::If } => {
                let (branches, otherwise) = self.resolve_if(branches, otherwise)?;
                Expr::CaseWhen { branches, otherwise, form: CaseForm::If }
            }
            Expr::CaseWhen { branches, otherwise, form: CaseForm::CaseWhen } => {
                let mut conds = vec![];
                let mut values = vec![];
                for (c, v) in branches {
                    conds.push(self.resolve(c)?);
                    values.push(self.resolve(v)?);
                }
                let otherwise = otherwise.map(|o| self.resolve(*o)).transpose()?;
                // Legacy mode widens a STRING beside numbers and dates to STRING (Spark's
                // findWiderCommonType), where common_type takes the other type.
                let types: Vec<DataType> = values.iter().chain(otherwise.iter()).map(data_type).collect();
                let legacy = if self.conf.ansi { None } else { crate::analysis::typing::wider_common_type(&types, false) };
                let common = match legacy {
                    Some(t) => t,
                    None => {
                        let mut common = Some(DataType::Null);
                        for v in values.iter().chain(otherwise.iter()) {
                            common = common.and_then(|c| common_type(&c, &data_type(v), self.conf.ansi));
                        }
                        match common {
                            Some(common) => common,
                            None => {
                                let case = Expr::CaseWhen { branches: conds.into_iter().zip(values).collect(), otherwise: otherwise.map(Box::new), form: CaseForm::CaseWhen };
                                let shown = sql_text(&case);
                                let listed: Vec<String> = types.iter().map(|t| format!("\"{}\"", t.sql())).collect();
                                return Err(functions::data_diff_types(&shown, "casewhen", &types, true)
                                    .with_param("dataType", format!("[{}]", listed.join(", ")))
                                    .with_param("functionName", "`casewhen`")
                                    .with_param("sqlExpr", format!("\"{shown}\"")));
                            }
                        }
                    }
                };
                let case = Expr::CaseWhen {
                    branches: conds.into_iter().zip(values.into_iter().map(|v| coerce(v, &common))).collect(),
                    otherwise: otherwise.map(|o| Box::new(coerce(o, &common))),
                    form: CaseForm::CaseWhen,
                };
                case_conditions_are_boolean(&case)?;
                case
            }
            Expr::Function { .. } if super::col_regex::as_col_regex(&e).is_some() => {
                return Err(super::col_regex::misplaced(super::col_regex::as_col_regex(&e).map_or("", |(p, _)| p)))
            }
            Expr::Function { ref name, .. } if super::update_fields::is_written(name) => self.resolve(super::update_fields::expand(&e, self.conf.case_sensitive)?)?,
            Expr::Function { name, args, distinct } => self.resolve_function(name, args, distinct)?,
            // Built by analysis itself (a USING join's coalesced key): resolved already.
            Expr::Call(_) => e,
            Expr::Sort(k) => {
                let SortKey { expr, ascending, nulls_first } = *k;
                Expr::Sort(Box::new(SortKey { expr: self.resolve(expr)?, ascending, nulls_first }))
            }
            Expr::Window { function, spec } => self.resolve_window(*function, *spec)?,
            Expr::MultiAlias { .. } => {
                super::generators::check_multi_alias(&e)?;
                e
            }
            Expr::AggregateFilter { agg, condition } => self.resolve_aggregate_filter(*agg, *condition)?,
            // Planned into joins by select, filter, withColumn, agg, orderBy and join
            // (`analysis::subquery`).
            Expr::Subquery(_) => return Err(Error::unsupported("a DataFrame subquery (scalar(), exists()) outside select, filter, withColumn, agg, orderBy and join conditions")),
            Expr::PythonUdf(u) => self.resolve_python_udf(u.def, u.args)?,
            // The origin of a name (`col("a")`, `desc("a")`) or of a whole `expr()` string
            // only places the errors of the names under it: the resolved expression goes
            // without it.
            Expr::WithOrigin { expr, origin } if origin.of_names() || matches!(*expr, Expr::Unresolved { .. }) => {
                let name = matches!(*expr, Expr::Unresolved { .. });
                self.resolve(*expr).map_err(|e| self.own_error_in_context(e, &origin, name))?
            }
            Expr::WithOrigin { expr, origin } => {
                let resolved = self.resolve(*expr).map_err(|e| self.own_error_in_context(e, &origin, false))?;
                // Kept where the expression can still fail when it runs (lowering puts it
                // on those errors); elsewhere the IR keeps its usual shape.
                let runs_with_errors = match resolved.without_origin() {
                    Expr::Binary { op, .. } => op.is_arithmetic(),
                    Expr::Cast { kind, .. } => *kind != CastKind::Try,
                    Expr::Negate(_) => true,
                    // `col["field"]` of a struct (built as `__getitem__`) cannot fail.
                    Expr::Call(c) => c.func != crate::ir::function::Func::Struct(crate::ir::function::StructFn::GetField),
                    _ => false,
                };
                if runs_with_errors { Expr::WithOrigin { expr: Box::new(resolved), origin } } else { resolved }
            }
        })
    }

    /// A Python function's call: its arguments are passed as they are (Spark casts
    /// nothing for a Python UDF); a grouped-aggregate pandas UDF is an aggregate.
    fn resolve_python_udf(&self, def: UdfDef, args: Vec<Expr>) -> Result<Expr> {
        let aggregate = def.eval_type.is_aggregate();
        if aggregate && !self.scope.aggregates {
            return Err(Error::analysis(
                "MISSING_GROUP_BY",
                "The query does not include a GROUP BY clause. Add GROUP BY or turn it into the window functions using OVER clauses.",
            ));
        }
        let inner = self.within(Scope { aggregates: self.scope.aggregates && !aggregate, windows: self.scope.windows && !aggregate, ..Scope::default() });
        let args = args.into_iter().map(|a| inner.resolve(a)).collect::<Result<Vec<_>>>()?;
        Ok(Expr::PythonUdf(Box::new(PythonUdf { def, args })))
    }

    /// `agg(...) FILTER (WHERE condition)`: only aggregates take a FILTER, and the
    /// condition is a boolean expression over the input rows.
    fn resolve_aggregate_filter(&self, agg: Expr, condition: Expr) -> Result<Expr> {
        if let Expr::Function { name, .. } = &agg {
            if functions::lookup(name).is_some_and(|d| !d.func.is_aggregate()) {
                return Err(Error::analysis(
                    "INVALID_SQL_SYNTAX.FUNCTION_WITH_UNSUPPORTED_SYNTAX",
                    format!("Invalid SQL syntax: The function `{name}` does not support FILTER CLAUSE."),
                ));
            }
        }
        let agg = self.resolve(agg)?;
        let condition = self.within(Scope::default()).resolve(condition)?;
        let condition = match data_type(&condition) {
            DataType::Boolean => condition,
            DataType::Null => coerce(condition, &DataType::Boolean),
            _ => {
                return Err(Error::analysis(
                    "INVALID_AGGREGATE_FILTER.NOT_BOOLEAN",
                    format!(
                        "The FILTER expression \"{}\" in an aggregate function is invalid. Expected a FILTER expression of the BOOLEAN type.",
                        sql_text(&condition)
                    ),
                ))
            }
        };
        Ok(Expr::AggregateFilter { agg: Box::new(agg), condition: Box::new(condition) })
    }

    /// Spark's `If`: its values widened to their common type as CASE WHEN's are
    /// (IfCoercion), then checked as `If.checkInputDataTypes` does: the condition
    /// first (a NULL one is a NULL boolean), then the values' types.
    #[allow(clippy::type_complexity)]
    fn resolve_if(&self, branches: Vec<(Expr, Expr)>, otherwise: Option<Box<Expr>>) -> Result<(Vec<(Expr, Expr)>, Option<Box<Expr>>)> {
        let (Ok([(condition, then)]), Some(otherwise)) = (<[(Expr, Expr); 1]>::try_from(branches), otherwise) else {
            return Err(Error::internal("IF: one condition, two values"));
        };
        let (condition, then, otherwise) = (self.resolve(condition)?, self.resolve(then)?, self.resolve(*otherwise)?);
        let types = [data_type(&then), data_type(&otherwise)];
        let legacy = if self.conf.ansi { None } else { crate::analysis::typing::wider_common_type(&types, false) };
        let common = legacy.or_else(|| common_type(&types[0], &types[1], self.conf.ansi));
        let shown = || format!("(IF({}, {}, {}))", sql_text(&condition), sql_text(&then), sql_text(&otherwise));
        let condition_type = data_type(&condition);
        if !matches!(condition_type, DataType::Boolean | DataType::Null) {
            let (text, shown) = (sql_text(&condition), shown());
            return Err(Error::analysis(
                "DATATYPE_MISMATCH.UNEXPECTED_INPUT_TYPE",
                format!(
                    "Cannot resolve \"{shown}\" due to data type mismatch: The first parameter requires the \"BOOLEAN\" type, however \"{text}\" has the type \"{}\".",
                    condition_type.sql()
                ),
            )
            .with_param("inputSql", format!("\"{text}\""))
            .with_param("inputType", format!("\"{}\"", condition_type.sql()))
            .with_param("paramIndex", "first")
            .with_param("requiredType", "\"BOOLEAN\"")
            .with_param("sqlExpr", format!("\"{shown}\"")));
        }
        let Some(common) = common else {
            let (listed, shown): (Vec<String>, String) = (types.iter().map(|t| format!("\"{}\"", t.sql())).collect(), shown());
            return Err(functions::data_diff_types(&shown, "if", &types, true)
                .with_param("dataType", format!("[{}]", listed.join(", ")))
                .with_param("functionName", "`if`")
                .with_param("sqlExpr", format!("\"{shown}\"")));
        };
        Ok((vec![(coerce(condition, &DataType::Boolean), coerce(then, &common))], Some(Box::new(coerce(otherwise, &common)))))
    }

    fn boolean(&self, e: Expr, context: &str) -> Result<Expr> {
        as_boolean(self.resolve(e)?, context)
    }

    fn resolve_binary(&self, op: BinaryOp, left: Expr, right: Expr) -> Result<Expr> {
        if matches!(op, BinaryOp::And | BinaryOp::Or) {
            let (l, r) = (self.resolve(left)?, self.resolve(right)?);
            let (lt, rt) = (data_type(&l), data_type(&r));
            if lt != rt && lt != DataType::Null && rt != DataType::Null {
                return Err(mismatch(op.symbol(), &l, &r));
            }
            // The sides are resolved once: resolving them again here doubled the work at
            // each level of an AND chain (TPC-DS q4's WHERE took 20 s to analyse).
            return Ok(Expr::binary(op, as_boolean(l, op.symbol())?, as_boolean(r, op.symbol())?));
        }
        let (l, r) = (self.resolve(left)?, self.resolve(right)?);
        // Dates, timestamps and intervals: Spark's datetime arithmetic (analysis::functions::datetime).
        if let Some(e) = functions::datetime_arithmetic(op, &l, &r, self.conf, sql_text)? {
            return Ok(e);
        }
        let (lt, rt) = (data_type(&l), data_type(&r));
        if let Some(decimal) = decimal_operands(op, &l, &r) {
            return Ok(decimal);
        }
        if let (true, DataType::Decimal(p1, s1), DataType::Decimal(p2, s2)) = (op.is_comparison(), &lt, &rt) {
            if (p1 - s1).max(p2 - s2) as u32 + (*s1).max(*s2) as u32 > 38 {
                // No decimal type holds both without losing digits: compared exactly as they are.
                return Ok(Expr::binary(op, l, r));
            }
        }
        let string_operand = op.is_arithmetic() && (lt == DataType::String || rt == DataType::String);
        // A string operand's type is settled below, whatever a string and the other
        // side widen to (with ANSI off, nothing beside a DECIMAL).
        let mut common = match common_type(&lt, &rt, self.conf.ansi) {
            Some(t) => t,
            None if string_operand => DataType::String,
            None => return Err(mismatch(op.symbol(), &l, &r)),
        };
        if op.is_arithmetic() {
            // A string in arithmetic is read as a number (`typing::string_operand_type`);
            // two strings are refused under ANSI.
            if string_operand {
                let other = if lt == DataType::String { &rt } else { &lt };
                if self.conf.ansi && *other == DataType::String {
                    return Err(wrong_type(op, &l, &r, other));
                }
                let as_number = crate::analysis::typing::string_operand_type(other, self.conf.ansi);
                common = common_type(&as_number, other, self.conf.ansi).unwrap_or(as_number);
                if op == BinaryOp::IntegralDivide && common == DataType::Double {
                    // `div` takes integers and decimals only: the DOUBLE a string is read
                    // as is refused, beside another (or the string) as the wrong type,
                    // beside an integer as a different one.
                    // (Integers are BIGINTs to `div` by then.)
                    let read = |e: &Expr, t: &DataType| match t {
                        DataType::String => coerce(e.clone(), &DataType::Double),
                        t if t.is_integral() => coerce(e.clone(), &DataType::Long),
                        _ => e.clone(),
                    };
                    let (l2, r2) = (read(&l, &lt), read(&r, &rt));
                    return Err(match lt.is_integral() || rt.is_integral() {
                        true => mismatch(op.symbol(), &l2, &r2),
                        false => wrong_type(op, &l2, &r2, &DataType::Double),
                    });
                }
            }
            if matches!(common, DataType::Null) {
                common = DataType::Integer;
            }
            // Spark's `Division` coercion reads a division's type from its left side:
            // `NULL / decimal` is a DOUBLE (`decimal / NULL` stays a decimal).
            if op == BinaryOp::Divide && (lt == DataType::Null || !matches!(common, DataType::Decimal(..))) {
                common = DataType::Double;
            }
            if op == BinaryOp::IntegralDivide {
                common = DataType::Long;
            }
            if !common.is_numeric() {
                return Err(mismatch(op.symbol(), &l, &r));
            }
        }
        Ok(Expr::binary(op, coerce(l, &common), coerce(r, &common)))
    }

    fn resolve_function(&self, name: String, args: Vec<Expr>, distinct: bool) -> Result<Expr> {
        // A function the user registered shadows a built-in one of the same name, as in Spark.
        if let Some(udf) = self.conf.udfs.get(&functions::unmarked(&name).to_lowercase()) {
            return self.resolve_python_udf(udf.clone(), args);
        }
        let def = functions::lookup(&name).ok_or_else(|| {
            Error::analysis(
                "UNRESOLVED_ROUTINE",
                format!(
                    "Cannot resolve routine `{}` on search path [`system`.`builtin`, `system`.`session`, `spark_catalog`.`default`].",
                    functions::unmarked(&name)
                ),
            )
            .with_param("routineName", format!("`{}`", functions::unmarked(&name)))
            .with_param("searchPath", "[`system`.`builtin`, `system`.`session`, `spark_catalog`.`default`]")
        })?;
        if let Some((x, answer)) = functions::collation_of_collate(&name, &args) {
            if data_type(&self.resolve(x)?) == DataType::String {
                return Ok(Expr::Literal(Value::String(answer)));
            }
        }
        let aggregate = def.func.is_aggregate();
        if aggregate && !self.scope.aggregates {
            return Err(Error::analysis(
                "MISSING_GROUP_BY",
                "The query does not include a GROUP BY clause. Add GROUP BY or turn it into the window functions using OVER clauses.",
            ));
        }
        if def.func.is_generator() && !self.scope.generator {
            let (class, text) = if self.scope.windows {
                ("UNSUPPORTED_GENERATOR.NESTED_IN_EXPRESSIONS", format!("The generator is not supported: nested in expressions \"{name}\"."))
            } else {
                ("UNSUPPORTED_GENERATOR.OUTSIDE_SELECT", format!("The generator is not supported: outside the SELECT clause, found: \"{name}\"."))
            };
            return Err(Error::analysis(class, text));
        }
        // A WITHIN GROUP ordering is no parameter of listagg (`sql::within_group`).
        let orderings = if functions::orderings_extra(def.func) { args.iter().filter(|a| matches!(a, Expr::Sort(_))).count() } else { 0 };
        def.check_arity(&name, args.len() - orderings)?;
        if args.iter().any(|a| matches!(a, Expr::Lambda { .. })) {
            return self.resolve_higher_order(def, name, args, distinct);
        }
        // Aggregates may not nest, but may sit inside scalar functions: round(avg(x), 1);
        // so may windows: abs(lag(x) OVER w).
        let inner = self.within(Scope {
            aggregates: self.scope.aggregates && !aggregate,
            windows: self.scope.windows && !aggregate,
            ..Scope::default()
        });
        let args = args
            .into_iter()
            .map(|a| match a {
                Expr::Star { .. } if def.flags.contains(Flags::STAR_IS_ONE) => Ok(Expr::Literal(Value::Integer(1))),
                a => inner.resolve(a),
            })
            .collect::<Result<Vec<_>>>()?;
        if let Some(e) = functions::try_datetime_arithmetic(&name, &args, self.conf, sql_text)? {
            return Ok(e);
        }
        let bound = def.bind(&name, args, distinct, self.conf, sql_text)?;
        if def.func.is_window() && !self.scope.window_function {
            // Spark's check runs on the resolved call and names it: `row_number()`.
            let shown = sql_text(&bound);
            return Err(Error::analysis("WINDOW_FUNCTION_WITHOUT_OVER_CLAUSE", format!("Window function \"{shown}\" requires an OVER clause."))
                .with_param("funcName", format!("\"{shown}\"")));
        }
        Ok(bound)
    }

    /// A bound lambda variable in scope by name (the innermost lambda first).
    fn lambda_variable(&self, name: &str, exact: bool) -> Option<&LambdaVar> {
        self.lambdas.iter().rev().find(|v| if exact { v.name == name } else { self.conf.names_equal(&v.name, name) })
    }

    /// A higher-order function (`transform(a, x -> x + 1)`): the other arguments first,
    /// as they give the lambdas' variables their types, then each lambda's body with
    /// its variables in scope.
    fn resolve_higher_order(&self, def: &'static functions::FunctionDef, name: String, args: Vec<Expr>, distinct: bool) -> Result<Expr> {
        static NEXT_ID: std::sync::atomic::AtomicU64 = std::sync::atomic::AtomicU64::new(1);
        // In an aggregation's list the arguments and the bodies may hold aggregates
        // (`transform(a, v -> v + c)` with `count(x) AS c` inlined), computed by the
        // aggregation and read by the lambda above it, as Spark's lateral alias rule does.
        let scope = Scope { aggregates: self.scope.aggregates, ..Scope::default() };
        let inner = self.within(scope);
        let mut resolved: Vec<Option<Expr>> =
            args.iter().map(|a| if matches!(a, Expr::Lambda { .. }) { Ok(None) } else { inner.resolve(a.clone()).map(Some) }).collect::<Result<_>>()?;
        for (i, a) in args.into_iter().enumerate() {
            let Expr::Lambda { params, body } = a else { continue };
            let types = functions::lambda_parameters(def.func, &resolved, i);
            if types.len() != params.len() && !(types.len() == 2 && params.len() == 1 && functions::index_is_optional(def.func)) {
                // Spark names the lambda's own count "expected" and what the function
                // binds it with (one element when an index is optional) "actual".
                let bound = if functions::index_is_optional(def.func) { 1 } else { types.len() };
                return Err(Error::analysis(
                    "INVALID_LAMBDA_FUNCTION_CALL.NUM_ARGS_MISMATCH",
                    format!("Invalid lambda function call. A higher order function expects {} arguments, but got {bound}.", params.len()),
                ));
            }
            let params: Vec<LambdaVar> = params
                .into_iter()
                .zip(types)
                .map(|(p, (data_type, nullable))| {
                    let id = NEXT_ID.fetch_add(1, std::sync::atomic::Ordering::Relaxed);
                    LambdaVar { name: p.name, binding: Some(LambdaBinding { id, data_type, nullable }) }
                })
                .collect();
            let mut scoped = self.within(scope);
            scoped.lambdas.extend(params.iter().cloned());
            // Spark's context of an unknown name in a lambda's body is the statement's.
            let body = scoped.resolve(*body).map_err(|e| {
                if crate::error::unresolved_name::is_about_a_name(&e) && !e.has_query_context() { e.with_statement_context() } else { e }
            })?;
            // Spark aggregates a lambda variable as a NULL column (`transform(a, v ->
            // sum(v))` is `[NULL, ...]`); not reproduced.
            if body.any(&|x| functions::is_aggregate_call(x) && x.any(&|y| matches!(y, Expr::LambdaVariable(_)))) {
                return Err(Error::unsupported("an aggregate function of a lambda variable"));
            }
            resolved[i] = Some(Expr::Lambda { params, body: Box::new(body) });
        }
        let args = resolved.into_iter().map(|a| a.expect("every argument resolved")).collect();
        def.bind(&name, args, distinct, self.conf, sql_text)
    }

    /// A window where the operator takes none (a sort key, a filter). Spark lists the
    /// window as resolved (its frame filled in) and the aggregates inside it, in the
    /// order its `collect` finds them.
    fn window_not_allowed(&self, function: Expr, spec: crate::ir::WindowSpec) -> Error {
        let window = match self.within(Scope { windows: true, ..Scope::default() }).resolve_window(function, spec) {
            Ok(window) => window,
            Err(e) => return e,
        };
        let mut invalid = vec![];
        window.apply(&mut |x| {
            if matches!(x, Expr::Window { .. }) || functions::is_aggregate_call(x) {
                invalid.push(format!("\"{}\"", sql_text(x)));
            }
            crate::ir::Recursion::Continue
        });
        let invalid = invalid.join(", ");
        Error::analysis(
            "UNSUPPORTED_EXPR_FOR_OPERATOR",
            format!("A query operator contains one or more unsupported expressions.\nConsider to rewrite it to avoid window functions, aggregate functions, and generator functions in the WHERE clause.\nInvalid expressions: [{invalid}]"),
        )
        .with_param("invalidExprSqls", invalid)
    }

    /// `f(...) OVER (spec)`: the function may be an aggregate or a window function.
    /// Its arguments and the spec may hold other windows and, in an aggregation's
    /// list, the group's aggregates (`rank() OVER (ORDER BY sum(x))`); then Spark's
    /// checks of the window (`windows::check`).
    fn resolve_window(&self, function: Expr, spec: crate::ir::WindowSpec) -> Result<Expr> {
        if matches!(function, Expr::Call(_)) && spec.frame.is_some() {
            // Resolved already (a window in the arguments of another, resolved first).
            return Ok(Expr::Window { function: Box::new(function), spec: Box::new(spec) });
        }
        if let Expr::Window { .. } = &function {
            // `f.over(w1).over(w2)`: a window expression is no window function.
            return Err(Error::analysis("_LEGACY_ERROR_TEMP_1033", format!("Window expression is not a window function: {}", crate::analysis::naming::sql_text(&function))));
        }
        if !self.scope.windows {
            return Err(self.window_not_allowed(function, spec));
        }
        let inner = self.within(Scope { aggregates: self.scope.aggregates, windows: true, ..Scope::default() });
        let function = match function {
            Expr::Function { name, args, distinct } => {
                let args = args
                    .into_iter()
                    .map(|a| if matches!(a, Expr::Star { .. }) { Ok(a) } else { inner.resolve(a) })
                    .collect::<Result<Vec<_>>>()?;
                Expr::Function { name, args, distinct }
            }
            other => other,
        };
        let function = self.within(Scope { aggregates: true, window_function: true, ..Scope::default() }).resolve(function)?;
        let python_aggregate = matches!(&function, Expr::PythonUdf(u) if u.def.eval_type.is_aggregate());
        if !python_aggregate && !matches!(&function, Expr::Call(c) if c.func.is_aggregate() || c.func.is_window()) {
            return Err(Error::analysis(
                "UNSUPPORTED_EXPR_FOR_WINDOW",
                format!("Expression \"{}\" not supported within a window function.", sql_text(&function)),
            ));
        }
        let partition_by = spec.partition_by.into_iter().map(|e| inner.resolve(e)).collect::<Result<Vec<_>>>()?;
        let order_by = spec
            .order_by
            .into_iter()
            .map(|k| Ok(SortKey { expr: inner.resolve(k.expr)?, ..k }))
            .collect::<Result<Vec<_>>>()?;
        let plain = self.within(Scope::default());
        let resolve_bound = |b: crate::ir::FrameBound| -> Result<crate::ir::FrameBound> {
            Ok(match b {
                crate::ir::FrameBound::Offset(e) => crate::ir::FrameBound::Offset(Box::new(plain.resolve(*e)?)),
                other => other,
            })
        };
        let frame = spec
            .frame
            .map(|f| -> Result<crate::ir::WindowFrame> { Ok(crate::ir::WindowFrame { kind: f.kind, start: resolve_bound(f.start)?, end: resolve_bound(f.end)? }) })
            .transpose()?;
        super::windows::check(function, crate::ir::WindowSpec { partition_by, order_by, frame }, self.conf.ansi)
    }

    /// Resolves `a`, `t.a`, `s.field` or `df["a"]`.
    fn resolve_column(&self, parts: &[String], plan_id: Option<u64>) -> Result<Expr> {
        // An outer reference not bound by a lateral join reads the plan it is in, as
        // Spark resolves the inner side first.
        let plan_id = plan_id.filter(|&p| p != OUTER_PLAN_ID);
        if let Some(pid) = plan_id {
            return self.resolve_by_plan_id(parts, pid);
        }
        let by_name: Vec<&Attribute> = self.output().filter(|a| self.conf.names_equal(&a.name, &parts[0])).collect();
        // `t.a`: a qualified column.
        if parts.len() >= 2 {
            let qualified: Vec<&Attribute> = self
                .output()
                .filter(|a| a.qualifier.as_deref().is_some_and(|q| self.conf.names_equal(q, &parts[0])))
                .filter(|a| self.conf.names_equal(&a.name, &parts[1]))
                .collect();
            if !qualified.is_empty() {
                let base = self.unique(qualified, &parts[..2])?;
                return self.extract_fields(Expr::Attr(base), &parts[2..]);
            }
        }
        if by_name.is_empty() {
            return Err(self.unresolved_parts(parts));
        }
        let base = self.unique(by_name, &parts[..1])?;
        self.extract_fields(Expr::Attr(base), &parts[1..])
    }

    /// `base.f1.f2`: struct fields, or (Spark's `ExtractValue`) the key `f` of a map.
    fn extract_fields(&self, mut e: Expr, fields: &[String]) -> Result<Expr> {
        for f in fields {
            let func = match data_type(&e) {
                DataType::Map(..) => Func::Collection(crate::ir::function::CollectionFn::GetItem),
                _ => Func::Struct(StructFn::GetField),
            };
            e = functions::call(func, vec![e, Expr::Literal(Value::String(f.clone()))], self.conf, sql_text)?;
        }
        Ok(e)
    }

    fn unique(&self, mut found: Vec<&Attribute>, parts: &[String]) -> Result<Attribute> {
        found.dedup_by_key(|a| a.id);
        if found.len() == 1 {
            return Ok(found[0].clone());
        }
        let name = parts.join(".");
        let candidates: Vec<String> =
            found.iter().map(|a| match &a.qualifier { Some(q) => format!("`{q}`.`{}`", a.name), None => format!("`{}`", a.name) }).collect();
        Err(Error::analysis(
            "AMBIGUOUS_REFERENCE",
            format!("Reference `{name}` is ambiguous, could be: [{}].", candidates.join(", ")),
        )
        .with_param("name", format!("`{name}`"))
        .with_param("referenceNames", format!("[{}]", candidates.join(", "))))
    }

    fn resolve_by_plan_id(&self, parts: &[String], plan_id: u64) -> Result<Expr> {
        let mut found: Vec<Attribute> = vec![];
        // How many of the parts name the column (the rest are fields).
        let mut name_parts = 1;
        for input in &self.inputs {
            if let Some(node) = input.find_plan_id(plan_id) {
                let mut at_node: Vec<&Attribute> = node.output.iter().filter(|a| self.conf.names_equal(&a.name, &parts[0])).collect();
                if at_node.is_empty() && parts.len() >= 2 {
                    // `df.alias("t")["t.a"]`: a column qualified by the DataFrame's alias.
                    let qualified = |a: &&Attribute| a.qualifier.as_deref().is_some_and(|q| self.conf.names_equal(q, &parts[0]));
                    at_node = node.output.iter().filter(qualified).filter(|a| self.conf.names_equal(&a.name, &parts[1])).collect();
                    name_parts = 2;
                }
                if at_node.is_empty() {
                    let names: Vec<String> = node.output.iter().map(|a| format!("`{}`", a.name)).collect();
                    return Err(unresolved_with_suggestion(&parts.join("."), &names));
                }
                let attr = self.unique(at_node, &parts[..name_parts])?;
                if let Some(mapped) = map_through(input, node.plan_id, &attr) {
                    found.push(mapped);
                }
            }
        }
        if found.len() > 1 {
            // `df.join(df2, df["id"] == df2["id"])` where df2 derives from df: both
            // sides hold df's column, and Spark refuses to guess.
            let name = parts.join(".");
            return Err(Error::analysis(
                "_LEGACY_ERROR_TEMP_1182",
                format!("Column {name} are ambiguous. It's probably because you joined several Datasets together, and some of these Datasets are the same. This column points to one of the Datasets but Spark is unable to figure out which one. Please alias the Datasets with different names via `Dataset.as` before joining them, and specify the column using qualified name, e.g. `df.as(\"a\").join(df.as(\"b\"), $\"a.id\" > $\"b.id\")`."),
            ));
        }
        match found.len() {
            0 => Err(cannot_resolve_dataframe_column(&parts.join("."))),
            1 => self.extract_fields(Expr::Attr(found.remove(0)), &parts[name_parts..]),
            _ => {
                let refs: Vec<&Attribute> = found.iter().collect();
                Ok(Expr::Attr(self.unique(refs, parts)?))
            }
        }
    }

    fn unresolved(&self, name: &str) -> Error {
        unresolved_with_suggestion(name, &self.suggestions(1))
    }

    /// A name of several parts: Spark shows each back-quoted (`a`.`b`), and ranks the
    /// suggestions by their distance to the parts joined with dots.
    fn unresolved_parts(&self, parts: &[String]) -> Error {
        suggesting(&parts.join("."), &parts.join("`.`"), &self.suggestions(parts.len()))
    }

    /// The input's columns as Spark suggests them for a name of `parts` parts,
    /// back-quoted (`StringUtils.orderSuggestedIdentifiersBySimilarity`): a one-part
    /// name drops the qualifier when every candidate has the same one; a qualified name
    /// (`t.nope`) keeps it.
    fn suggestions(&self, parts: usize) -> Vec<String> {
        let qualifiers: std::collections::HashSet<Option<&String>> = self.output().map(|a| a.qualifier.as_ref()).collect();
        self.output()
            .map(|a| match &a.qualifier {
                Some(q) if qualifiers.len() > 1 || parts > 1 => format!("`{q}`.`{}`", a.name),
                _ => format!("`{}`", a.name),
            })
            .collect()
    }
}

/// `UNRESOLVED_COLUMN.WITH_SUGGESTION`, suggesting the closest names first.
pub fn unresolved_with_suggestion(name: &str, candidates: &[String]) -> Error {
    suggesting(name, name, candidates)
}

/// `UNRESOLVED_COLUMN.WITH_SUGGESTION` for `name`, shown back-quoted as `shown`.
fn suggesting(name: &str, shown_name: &str, candidates: &[String]) -> Error {
    let mut ranked: Vec<&String> = candidates.iter().collect();
    // As Spark orders them: by the distance of each candidate as shown (back-quoted),
    // case-sensitive, ties in alphabetical order (checked against PySpark's proposals).
    ranked.sort_by_cached_key(|c| (levenshtein(c, name), c.to_string()));
    let shown: Vec<String> = ranked.iter().take(5).map(|s| s.to_string()).collect();
    let shown = shown.join(", ");
    Error::analysis(
        "UNRESOLVED_COLUMN.WITH_SUGGESTION",
        format!("A column, variable, or function parameter with name `{shown_name}` cannot be resolved. Did you mean one of the following? [{shown}]."),
    )
    .with_param("objectName", format!("`{shown_name}`"))
    .with_param("proposal", shown)
}

fn cannot_resolve_dataframe_column(name: &str) -> Error {
    Error::analysis(
        "CANNOT_RESOLVE_DATAFRAME_COLUMN",
        format!("Cannot resolve dataframe column \"{name}\". It's probably because of illegal references like `df1.select(df2.col(\"a\"))`."),
    )
    .with_param("name", name.to_string())
}

fn levenshtein(a: &str, b: &str) -> usize {
    let b: Vec<char> = b.chars().collect();
    let mut prev: Vec<usize> = (0..=b.len()).collect();
    for (i, ca) in a.chars().enumerate() {
        let mut cur = vec![i + 1];
        for (j, cb) in b.iter().enumerate() {
            let cost = if ca == *cb { 0 } else { 1 };
            cur.push((prev[j] + cost).min(prev[j + 1] + 1).min(cur[j] + 1));
        }
        prev = cur;
    }
    prev[b.len()]
}

/// Follows an attribute of the node `plan_id` up to the output of `plan`: through
/// projections that pass it on under a new id (a re-instanced self-join side).
pub fn map_through(plan: &Plan, plan_id: u64, attr: &Attribute) -> Option<Attribute> {
    if plan.plan_id == plan_id && plan.output.iter().any(|a| a.id == attr.id) {
        return Some(attr.clone());
    }
    for child in plan.children() {
        if child.find_plan_id(plan_id).is_none() {
            continue;
        }
        let below = map_through(child, plan_id, attr)?;
        if let Some(a) = plan.output.iter().find(|a| a.id == below.id) {
            return Some(a.clone());
        }
        if let crate::ir::PlanNode::Project { exprs, .. } = &plan.node {
            return exprs
                .iter()
                .find(|ne| matches!(&ne.expr, Expr::Attr(a) if a.id == below.id))
                .map(|ne| ne.attr.clone());
        }
        return None;
    }
    None
}

/// Spark's `CaseWhen.checkInputDataTypes`, after its values are coerced: every
/// condition a BOOLEAN. Unlike `If`'s, a NULL-literal condition is refused (VOID).
fn case_conditions_are_boolean(case: &Expr) -> Result<()> {
    let Expr::CaseWhen { branches, .. } = case else { return Ok(()) };
    let Some((index, (condition, _))) = branches.iter().enumerate().find(|(_, (c, _))| data_type(c) != DataType::Boolean) else {
        return Ok(());
    };
    let (shown, text, t) = (sql_text(case), sql_text(condition), data_type(condition).sql());
    let ordinal = crate::error::ordinal(index + 1);
    Err(Error::analysis(
        "DATATYPE_MISMATCH.UNEXPECTED_INPUT_TYPE",
        format!("Cannot resolve \"{shown}\" due to data type mismatch: The {ordinal} parameter requires the \"BOOLEAN\" type, however \"{text}\" has the type \"{t}\"."),
    )
    .with_param("inputSql", format!("\"{text}\""))
    .with_param("inputType", format!("\"{t}\""))
    .with_param("paramIndex", ordinal)
    .with_param("requiredType", "\"BOOLEAN\"")
    .with_param("sqlExpr", format!("\"{shown}\"")))
}

/// A resolved expression where a BOOLEAN is expected (NULL is read as one).
fn as_boolean(r: Expr, context: &str) -> Result<Expr> {
    match data_type(&r) {
        DataType::Boolean => Ok(r),
        DataType::Null => Ok(coerce(r, &DataType::Boolean)),
        other => Err(Error::analysis(
            "DATATYPE_MISMATCH.UNEXPECTED_INPUT_TYPE",
            format!("Cannot resolve \"{context}\" due to data type mismatch: the input requires the \"BOOLEAN\" type, however \"{}\" has the type \"{}\".", sql_text(&r), other.sql()),
        )),
    }
}

/// An arithmetic operator given a type it never takes (two strings under ANSI, a
/// DOUBLE to `div`), with the input types Spark lists for it.
fn wrong_type(op: BinaryOp, l: &Expr, r: &Expr, actual: &DataType) -> Error {
    let required = match op {
        BinaryOp::Add | BinaryOp::Subtract => "(\"NUMERIC\" or \"INTERVAL DAY TO SECOND\" or \"INTERVAL YEAR TO MONTH\" or \"INTERVAL\")",
        BinaryOp::Divide => "(\"DOUBLE\" or \"DECIMAL\")",
        BinaryOp::IntegralDivide => "(\"BIGINT\" or \"DECIMAL\" or \"INTERVAL YEAR TO MONTH\" or \"INTERVAL DAY TO SECOND\")",
        _ => "\"NUMERIC\"",
    };
    Error::analysis(
        "DATATYPE_MISMATCH.BINARY_OP_WRONG_TYPE",
        format!(
            "Cannot resolve \"({} {} {})\" due to data type mismatch: the binary operator requires the input type {required}, not \"{}\".",
            sql_text(l),
            op.symbol(),
            sql_text(r),
            actual.sql()
        ),
    )
}

/// Spark's `In.checkInputDataTypes` error: the value and the items have no common type.
fn in_mismatch(expr: &Expr, list: &[Expr]) -> Error {
    let shown = format!("\"{}\"", sql_text(&Expr::In { expr: Box::new(expr.clone()), list: list.to_vec() }));
    let types: Vec<String> = std::iter::once(expr).chain(list).map(|e| format!("\"{}\"", data_type(e).sql())).collect();
    let types = format!("[{}]", types.join(", "));
    Error::analysis(
        "DATATYPE_MISMATCH.DATA_DIFF_TYPES",
        format!("Cannot resolve {shown} due to data type mismatch: Input to `in` should all be the same type, but it's {types}."),
    )
    .with_param("sqlExpr", shown)
    .with_param("functionName", "`in`")
    .with_param("dataType", types)
}

fn mismatch(op: &str, l: &Expr, r: &Expr) -> Error {
    let (lt, rt) = (data_type(l), data_type(r));
    Error::analysis(
        "DATATYPE_MISMATCH.BINARY_OP_DIFF_TYPES",
        format!(
            "Cannot resolve \"({} {op} {})\" due to data type mismatch: the left and right operands of the binary operator have incompatible types (\"{}\" and \"{}\").",
            sql_text(l), sql_text(r), lt.sql(), rt.sql()
        ),
    )
}

/// Decimal arithmetic keeps each operand's precision (Spark's `DecimalPrecision`):
/// integral operands become decimals (a literal takes just its digits).
fn decimal_operands(op: BinaryOp, l: &Expr, r: &Expr) -> Option<Expr> {
    if !matches!(op, BinaryOp::Add | BinaryOp::Subtract | BinaryOp::Multiply | BinaryOp::Divide | BinaryOp::Modulo) {
        return None;
    }
    let (lt, rt) = (data_type(l), data_type(r));
    if !matches!(lt, DataType::Decimal(..)) && !matches!(rt, DataType::Decimal(..)) {
        return None;
    }
    let as_decimal = |e: &Expr, t: &DataType| -> Option<Expr> {
        match (e, t) {
            (_, DataType::Decimal(..)) => Some(e.clone()),
            (Expr::Literal(v), t) if t.is_integral() => {
                let n: i128 = match v {
                    Value::Byte(x) => *x as i128,
                    Value::Short(x) => *x as i128,
                    Value::Integer(x) => *x as i128,
                    Value::Long(x) => *x as i128,
                    _ => return None,
                };
                // Spark casts the literal to a decimal of its own digits; the cast is
                // nullable (an INT does not always fit DECIMAL(1,0)), so the result is too.
                let digits = n.unsigned_abs().to_string().len().max(1) as u8;
                Some(Expr::Cast { expr: Box::new(e.clone()), to: DataType::Decimal(digits, 0), kind: crate::ir::CastKind::Cast })
            }
            (_, t) if t.is_integral() => Some(coerce(e.clone(), &super::typing::integral_decimal(t)?)),
            _ => None,
        }
    };
    Some(Expr::binary(op, as_decimal(l, &lt)?, as_decimal(r, &rt)?))
}

impl Resolver<'_> {
    /// An error raised while analysing an expression with an origin gets it as the
    /// query context when the error is the expression's own: an error of a value
    /// computed while analysing (a literal that does not cast) or a type mismatch of
    /// the operator or cast itself. An unresolved name in SQL text is placed where it
    /// is written in the origin's text (`error::unresolved_name`: Spark gives every name
    /// its own origin, PyRust finds it), but inside a lambda's body Spark's context is
    /// the statement's (none in an `expr()` string); `name`: the origin is the name's
    /// own (`col("nope")`), kept inside lambdas too.
    fn own_error_in_context(&self, e: Error, origin: &crate::ir::Origin, name: bool) -> Error {
        use crate::error::unresolved_name;
        use crate::ir::Origin;
        if unresolved_name::is_about_a_name(&e) {
            return match origin {
                Origin::Sql { .. } | Origin::SqlText { .. } if !self.lambdas.is_empty() && !e.has_query_context() => {
                    e.with_statement_context()
                }
                Origin::Sql { text, start, stop } => unresolved_name::place(e, text, *start, *stop),
                Origin::SqlText { text } => unresolved_name::place(e, text, 0, text.chars().count().saturating_sub(1)),
                Origin::DataFrame { .. } if name => e.with_origin(origin),
                Origin::DataFrame { .. } => e,
            };
        }
        if origin.of_names() || name {
            return e;
        }
        let own = match e.kind {
            ErrorKind::Analysis => e.error_class.as_deref().is_some_and(|c| {
                c.starts_with("DATATYPE_MISMATCH.BINARY_OP_") || c.starts_with("DATATYPE_MISMATCH.CAST_")
            }),
            ErrorKind::Parse | ErrorKind::Unsupported | ErrorKind::TypeError | ErrorKind::ValueError | ErrorKind::Python => false,
            _ => true,
        };
        if own { e.with_origin(origin) } else { e }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn suggestions_are_ranked_by_distance() {
        let err = unresolved_with_suggestion("agee", &["`name`".into(), "`age`".into()]);
        assert!(err.message.contains("[`age`, `name`]"), "{}", err.message);
    }

    use crate::ir::Origin;
    use std::sync::Arc;

    fn ids() -> Plan {
        crate::analysis::builder::range(0, 1, 1).unwrap()
    }

    fn context(e: &Error) -> Vec<(&str, &str)> {
        e.params.iter().filter(|(k, _)| k.starts_with("__")).map(|(k, v)| (k.as_str(), v.as_str())).collect()
    }

    fn in_text(e: Expr, text: &str) -> Expr {
        Expr::WithOrigin { expr: Box::new(e), origin: Origin::SqlText { text: Arc::from(text) } }
    }

    #[test]
    fn a_name_in_an_expr_string_is_placed_in_it() {
        let (plan, conf) = (ids(), Conf::default());
        let e = in_text(Expr::binary(BinaryOp::Add, Expr::col("id"), Expr::col("nope")), "id + nope");
        let err = Resolver::new(&plan, &conf).resolve(e).unwrap_err();
        assert_eq!(context(&err), [("__sqlText", "id + nope"), ("__start", "5"), ("__stop", "8")]);
        // Resolved, the expression goes without the origin of its names.
        let e = in_text(Expr::binary(BinaryOp::Lt, Expr::col("id"), Expr::col("id")), "id < id");
        let resolved = Resolver::new(&plan, &conf).resolve(e).unwrap();
        assert!(matches!(resolved, Expr::Binary { .. }), "{resolved:?}");
    }

    #[test]
    fn other_errors_do_not_get_the_whole_string() {
        let (plan, conf) = (ids(), Conf::default());
        let e = in_text(Expr::func("nosuchfn", vec![Expr::col("id")]), "nosuchfn(id) + 1");
        let err = Resolver::new(&plan, &conf).resolve(e).unwrap_err();
        assert_eq!(context(&err), [("__sqlText", "nosuchfn(id) + 1"), ("__start", "0"), ("__stop", "11")]);
        let not_boolean = in_text(Expr::Not(Box::new(Expr::col("id"))), "NOT id");
        let err = Resolver::new(&plan, &conf).resolve(not_boolean).unwrap_err();
        assert!(context(&err).is_empty(), "{:?}", context(&err));
    }

    #[test]
    fn col_gives_its_name_a_dataframe_context() {
        let (plan, conf) = (ids(), Conf::default());
        let col = |name: &str| Expr::WithOrigin { expr: Box::new(Expr::col(name)), origin: Origin::dataframe("col", "job.py:3") };
        let err = Resolver::new(&plan, &conf).resolve(col("nope")).unwrap_err();
        assert_eq!(context(&err), [("__fragment", "col"), ("__callSite", "job.py:3")]);
        // Under an operator's origin, the name's own; resolved, no origin is left.
        let sum = Expr::WithOrigin { expr: Box::new(Expr::binary(BinaryOp::Add, col("nope"), Expr::col("id"))), origin: Origin::dataframe("__add__", "job.py:4") };
        let err = Resolver::new(&plan, &conf).resolve(sum).unwrap_err();
        assert_eq!(context(&err), [("__fragment", "col"), ("__callSite", "job.py:3")]);
        assert_eq!(Resolver::new(&plan, &conf).resolve(col("id")).unwrap(), Expr::Attr(plan.output[0].clone()));
    }

    #[test]
    fn a_name_in_a_lambda_body_has_the_statements_context() {
        let (plan, conf) = (ids(), Conf::default());
        let x = || Expr::LambdaVariable(LambdaVar { name: "x".into(), binding: None });
        let body = Expr::binary(BinaryOp::Add, x(), Expr::col("nope"));
        let lambda = Expr::Lambda { params: vec![LambdaVar { name: "x".into(), binding: None }], body: Box::new(body) };
        let call = Expr::func("transform", vec![Expr::func("array", vec![Expr::col("id")]), lambda]);
        let err = Resolver::new(&plan, &conf).resolve(in_text(call, "transform(array(id), x -> x + nope)")).unwrap_err();
        assert_eq!(context(&err), [("__statementContext", "1")]);
        let err = err.statement_context("SELECT transform(array(id), x -> x + nope)");
        assert_eq!(context(&err), [("__sqlText", "SELECT transform(array(id), x -> x + nope)"), ("__start", "0"), ("__stop", "41")]);
    }

    #[test]
    fn a_qualified_name_is_suggested_qualified_columns() {
        let (conf, plan) = (Conf::default(), crate::analysis::builder::subquery_alias(Arc::new(ids()), "t", 0));
        let resolver = Resolver::new(&plan, &conf);
        let qualified = resolver.resolve(Expr::Unresolved { parts: vec!["t".into(), "nope".into()], plan_id: None }).unwrap_err();
        assert!(qualified.params.contains(&("proposal".to_string(), "`t`.`id`".to_string())), "{:?}", qualified.params);
        let plain = resolver.resolve(Expr::col("nope")).unwrap_err();
        assert!(plain.params.contains(&("proposal".to_string(), "`id`".to_string())), "{:?}", plain.params);
    }

    #[test]
    fn a_dataframes_column_by_its_qualified_name() {
        let (conf, plan) = (Conf::default(), crate::analysis::builder::subquery_alias(Arc::new(ids()), "t", 7));
        let by_df = |parts: &[&str]| Expr::Unresolved { parts: parts.iter().map(|p| p.to_string()).collect(), plan_id: Some(7) };
        let resolver = Resolver::new(&plan, &conf);
        assert_eq!(resolver.resolve(by_df(&["t", "id"])).unwrap(), Expr::Attr(plan.output[0].clone()));
        assert_eq!(resolver.resolve(by_df(&["T", "ID"])).unwrap(), Expr::Attr(plan.output[0].clone()));
        assert!(resolver.resolve(by_df(&["t", "nope"])).is_err());
    }
}
