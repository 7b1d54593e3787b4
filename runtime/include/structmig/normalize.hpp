// The model as PostgreSQL would store it. SQL expressions in a model are
// written by people (`rating BETWEEN 1 AND 5`); PostgreSQL keeps its own
// deparsed form (`((rating >= 1) AND (rating <= 5))`). To compare a model with
// a live database both must be in one normal form, PostgreSQL's:
//
//   canonical(read_schema(db)) == canonical(normalize_schema(db, model))
//
// is the contract for "the database matches the model".
#pragma once

#include "structmig/connection.hpp"
#include "structmig/schema.hpp"

namespace structmig {

/// Creates `model` (enums, tables, then every foreign key, so any order and
/// cycles work) in a scratch namespace inside a transaction, reads it back
/// with read_schema() and rolls back: nothing is left in the database. The
/// scratch namespace is first on search_path, then public, so enum types read
/// back by their bare names and a model may use public's types and functions.
/// Expressions PostgreSQL rejects throw DatabaseError. Must not be called
/// inside an open transaction (it begins and rolls back its own).
Schema normalize_schema(Connection& connection, const Schema& model);

}  // namespace structmig
