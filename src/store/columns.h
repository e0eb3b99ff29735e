// One list of columns per record drives everything the store does with that record: the SELECT
// list, the INSERT, the UPDATE and reading a row back. Adding a column is one line in the list
// (and a migration); a field that is listed is written and read alike, so they cannot drift.
//
//   const Table<Pool> kPools{"pools", "p", {
//       Key<Pool>("id", [](auto& p) -> auto& { return p.id; }),
//       Field<Pool>("name", Written::kAlways, [](auto& p) -> auto& { return p.name; }),
//   }};
//
// A field's type picks its encoding: numbers and booleans as integers, instants as Unix
// milliseconds, the domain's enums by their stable names (an unknown name is a RowError).
#pragma once

#include <concepts>
#include <initializer_list>
#include <optional>
#include <string>
#include <string_view>
#include <type_traits>
#include <vector>

#include "core/clock.h"
#include "domain/enum_names.h"
#include "store/sql_value.h"

namespace meekijk::store {

// When a column is written.
enum class Written {
  kKey,       // the generated id: never written, returned by INSERT, the WHERE of an UPDATE
  kOnInsert,  // set once when the row is made
  kAlways,    // set on INSERT and on every UPDATE
  kVersion,   // optimistic concurrency: 1 on INSERT, bumped and checked by every UPDATE
  kRead,      // read only: a column of a joined table, written as a qualified name ("u.name")
};

template <typename Record>
struct Column {
  std::string_view name;
  Written written;
  SqlValue (*bind)(const Record&);
  void (*read)(const Row&, size_t, Record&);  // throws RowError
  // Run once the whole row is read, where a cell's meaning depends on others; may be null.
  void (*check)(const Row&, size_t, const Record&) = nullptr;
};

// --- encodings, chosen by the field's type ---

template <typename E>
concept DomainEnum = std::is_enum_v<E> && requires {
  domain::EnumNames<E>::kNames;
};

inline SqlValue ToSql(int64_t v) { return v; }
inline SqlValue ToSql(int v) { return int64_t{v}; }
inline SqlValue ToSql(bool v) { return int64_t{v}; }
inline SqlValue ToSql(const std::string& v) { return v; }
inline SqlValue ToSql(TimePoint v) { return ToUnixMillis(v); }
template <DomainEnum E>
SqlValue ToSql(E v) {
  return std::string(domain::Name(v));
}
template <typename T>
SqlValue ToSql(const std::optional<T>& v) {
  return v ? ToSql(*v) : SqlValue();
}

inline void ReadCell(const Row& row, size_t i, int64_t& out) { out = row.Int(i); }
inline void ReadCell(const Row& row, size_t i, int& out) { out = static_cast<int>(row.Int(i)); }
inline void ReadCell(const Row& row, size_t i, bool& out) { out = row.Bool(i); }
inline void ReadCell(const Row& row, size_t i, std::string& out) { out = row.Text(i); }
inline void ReadCell(const Row& row, size_t i, TimePoint& out) { out = FromUnixMillis(row.Int(i)); }
template <DomainEnum E>
void ReadCell(const Row& row, size_t i, E& out) {
  out = row.Enum<E>(i);
}
template <typename T>
void ReadCell(const Row& row, size_t i, std::optional<T>& out) {
  if (row.IsNull(i)) {
    out.reset();
    return;
  }
  T value{};
  ReadCell(row, i, value);
  out = std::move(value);
}

// --- ways to name a column ---

// A field reached by `get`, a lambda `[](auto& r) -> auto& { return r.field; }` that works on a
// const and a mutable record alike.
template <typename Record, typename Get>
Column<Record> Field(std::string_view name, Written written, Get) {
  return {name, written, [](const Record& r) -> SqlValue { return ToSql(Get{}(r)); },
          [](const Row& row, size_t i, Record& r) { ReadCell(row, i, Get{}(r)); }, nullptr};
}

template <typename Record, typename Get>
Column<Record> Key(std::string_view name, Get get) {
  return Field<Record>(name, Written::kKey, get);
}

// A field of an optional part of the record (a consult's advice): NULL while the part is absent;
// a non-NULL cell makes the part present, and a present part with a NULL cell is a RowError.
template <auto Member, typename Record, typename GetPart>
Column<Record> PartField(std::string_view name, Written written, GetPart) {
  return {name, written,
          [](const Record& r) -> SqlValue {
            const auto& part = GetPart{}(r);
            return part ? ToSql((*part).*Member) : SqlValue();
          },
          [](const Row& row, size_t i, Record& r) {
            if (row.IsNull(i)) return;
            auto& part = GetPart{}(r);
            if (!part) part.emplace();
            ReadCell(row, i, (*part).*Member);
          },
          [](const Row& row, size_t i, const Record& r) {
            if (row.IsNull(i) && GetPart{}(r)) {
              throw RowError(row.ColumnName(i), "NULL in a part whose other columns are set");
            }
          }};
}

// A table: its name, the alias its SELECT uses, what it is read from (a join, when some columns
// are kRead), its columns, and columns that only an INSERT sets from values the caller appends
// (`created_at`). The statements are made once, when the table is.
template <typename Record>
class Table {
 public:
  Table(std::string_view name, std::string_view alias, std::vector<Column<Record>> columns,
        std::vector<std::string_view> appended_on_insert = {}, std::string_view from = {})
      : columns_(std::move(columns)) {
    std::string qualified = alias.empty() ? "" : std::string(alias) + ".";
    std::string select_list, insert_list, insert_values, set_list, key, version;
    for (const Column<Record>& c : columns_) {
      select_list +=
          (select_list.empty() ? "" : ", ") +
          (c.written == Written::kRead ? std::string(c.name) : qualified + std::string(c.name));
      if (c.written == Written::kKey) key = c.name;
      if (c.written == Written::kVersion) version = c.name;
      if (c.written == Written::kOnInsert || c.written == Written::kAlways) ++insert_count_;
      if (c.written == Written::kAlways || c.written == Written::kKey ||
          c.written == Written::kVersion) {
        ++update_count_;
      }
      if (c.written == Written::kKey || c.written == Written::kRead) continue;
      insert_list += (insert_list.empty() ? "" : ", ") + std::string(c.name);
      insert_values += insert_values.empty() ? "" : ", ";
      insert_values += c.written == Written::kVersion ? "1" : "?";
      if (c.written == Written::kAlways) {
        set_list += (set_list.empty() ? "" : ", ") + std::string(c.name) + " = ?";
        upsert_set_ += (upsert_set_.empty() ? "" : ", ") + std::string(c.name) + " = excluded." +
                       std::string(c.name);
      }
    }
    bulk_head_ = "INSERT INTO " + std::string(name) + " (" + key + ", " + insert_list + ") VALUES ";
    bulk_row_ = "(?, " + insert_values + ")";
    for (std::string_view extra : appended_on_insert) {
      insert_list += ", " + std::string(extra);
      insert_values += ", ?";
      bulk_head_.clear();  // the bulk path has no appended values
    }
    std::string source = from.empty()
                             ? std::string(name) + (alias.empty() ? "" : " " + std::string(alias))
                             : std::string(from);
    select_ = "SELECT " + select_list + " FROM " + source + " ";
    insert_without_returning_ =
        "INSERT INTO " + std::string(name) + " (" + insert_list + ") VALUES (" + insert_values + ")";
    returning_ = key.empty() ? "" : " RETURNING " + key;
    insert_ = insert_without_returning_ + returning_;
    if (!set_list.empty() && !key.empty()) {
      update_ = "UPDATE " + std::string(name) + " SET " + set_list +
                (version.empty() ? "" : ", " + version + " = " + version + " + 1") + " WHERE " +
                key + " = ?" + (version.empty() ? "" : " AND " + version + " = ?");
    }
  }

  // "SELECT <every column> FROM <table> <alias> " — append the WHERE and ORDER BY.
  // Appended in place: g++ 12 misreads `select_ + std::string(rest)` as overlapping copies.
  std::string Select(std::string_view rest) const {
    std::string sql;
    sql.reserve(select_.size() + rest.size());
    sql.append(select_).append(rest);
    return sql;
  }
  const std::string& insert() const { return insert_; }
  // INSERT … ON CONFLICT (key) DO UPDATE, setting every kAlways column.
  std::string Upsert(std::string_view conflict_key) const {
    return insert_without_returning_ + " ON CONFLICT (" + std::string(conflict_key) +
           ") DO UPDATE SET " + upsert_set_ + returning_;
  }
  // The bulk path (bulk_consults.h): one INSERT of `rows` records whose keys the caller chose,
  // "INSERT INTO t (key, <insert columns>) VALUES (?, …), (?, …)"; empty for a table without
  // a key or with appended columns.
  std::string BulkInsert(size_t rows) const {
    if (bulk_head_.empty()) return {};
    std::string sql;
    sql.reserve(bulk_head_.size() + rows * (bulk_row_.size() + 2));
    sql.append(bulk_head_);
    for (size_t i = 0; i < rows; ++i) sql.append(i == 0 ? "" : ", ").append(bulk_row_);
    return sql;
  }
  // How many parameters one record has in BulkInsert.
  size_t bulk_params() const { return insert_count_ + 1; }
  // Writes a record's key and insert columns into `params` from `at` on; returns the next place.
  size_t BindBulk(const Record& r, std::vector<SqlValue>& params, size_t at) const {
    for (const Column<Record>& c : columns_) {
      if (c.written == Written::kKey) params[at++] = c.bind(r);
    }
    for (const Column<Record>& c : columns_) {
      if (c.written == Written::kOnInsert || c.written == Written::kAlways) params[at++] = c.bind(r);
    }
    return at;
  }

  // "UPDATE … SET <kAlways columns> WHERE key = ? [AND version = ?]".
  const std::string& update() const { return update_; }

  // The parameters of insert(): the record's, then `appended` for the appended columns. The
  // vector is made at its final size and filled in place (g++ 12 misreads a growing vector of
  // variants as reading uninitialised strings).
  std::vector<SqlValue> InsertParams(const Record& r,
                                     std::initializer_list<SqlValue> appended = {}) const {
    std::vector<SqlValue> params(insert_count_ + appended.size());
    size_t at = 0;
    for (const Column<Record>& c : columns_) {
      if (c.written == Written::kOnInsert || c.written == Written::kAlways) params[at++] = c.bind(r);
    }
    for (const SqlValue& value : appended) params[at++] = value;
    return params;
  }
  // The parameters of update(): the kAlways columns, the key, the version read.
  std::vector<SqlValue> UpdateParams(const Record& r) const {
    std::vector<SqlValue> params(update_count_);
    size_t at = 0;
    for (const Column<Record>& c : columns_) {
      if (c.written == Written::kAlways) params[at++] = c.bind(r);
    }
    for (Written last : {Written::kKey, Written::kVersion}) {
      for (const Column<Record>& c : columns_) {
        if (c.written == last) params[at++] = c.bind(r);
      }
    }
    return params;
  }

  // A row of Select() as a record; RowError for a value the code cannot read.
  Record Read(const Row& row) const {
    Record r{};
    for (size_t i = 0; i < columns_.size(); ++i) columns_[i].read(row, i, r);
    for (size_t i = 0; i < columns_.size(); ++i) {
      if (columns_[i].check) columns_[i].check(row, i, r);
    }
    return r;
  }
  std::vector<Record> ReadAll(const Rows& rows) const {
    std::vector<Record> records;
    records.reserve(rows.size());
    for (const Row& row : rows) records.push_back(Read(row));
    return records;
  }
  std::optional<Record> ReadFirst(const Rows& rows) const {
    if (rows.empty()) return std::nullopt;
    return Read(rows.front());
  }

  const std::vector<Column<Record>>& columns() const { return columns_; }

 private:
  std::vector<Column<Record>> columns_;
  std::string select_, insert_, insert_without_returning_, returning_, update_, upsert_set_;
  std::string bulk_head_, bulk_row_;
  size_t insert_count_ = 0;  // the record's own parameters of insert()
  size_t update_count_ = 0;  // the parameters of update()
};

}  // namespace meekijk::store
