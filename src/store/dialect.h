// The real differences between SQLite and PostgreSQL, in one place: the column types of the
// schema, how a migration takes its lock, and how placeholders are numbered.
#pragma once

#include <string>
#include <string_view>

namespace meekijk::store {

enum class Dialect { kSqlite, kPostgres };

// Replaces the schema tokens {{id}} (an auto-numbered primary key) and {{blob}} with the
// dialect's types, so that each migration is written once.
std::string ApplySchemaTokens(std::string_view sql, Dialect dialect);

// Rewrites `?` placeholders to `$1`, `$2`, … for PostgreSQL; `?` inside quotes is left alone.
std::string NumberPlaceholders(std::string_view sql);

// A statement, run first in a migration's transaction, that keeps two nodes from migrating at
// once; empty where the transaction's own lock suffices (SQLite's BEGIN IMMEDIATE).
std::string_view MigrationLockStatement(Dialect dialect);

// A statement that makes appends to the access log's hash chain take turns until the transaction
// ends; empty for SQLite, whose one writer already serialises them.
std::string_view ChainLockStatement(Dialect dialect);

// What a SELECT that takes rows for the transaction ends with, so that several nodes share a
// queue: each takes rows no other open transaction holds (PostgreSQL's FOR UPDATE SKIP LOCKED);
// empty for SQLite, whose one writer takes rows one transaction at a time anyway.
std::string_view SkipLockedClause(Dialect dialect);

// What a SELECT of rows the transaction changes ends with, so that another transaction wanting
// them waits until this one ends (PostgreSQL's FOR UPDATE); empty for SQLite, whose one writer
// runs one transaction at a time.
std::string_view ForUpdateClause(Dialect dialect);

}  // namespace meekijk::store
