// Prints the migrations compiled into this program, one per line:
// revision, checksum of its source file, message. With --models, prints the
// generated row-mapping metadata of its model instead (one line per column:
// table.column, type, what the server generates, "key" for the primary key).
#include <iostream>
#include <string_view>

#include <consumer_migrations/models.hpp>
#include <structmig/migration.hpp>
#include <structmig/orm.hpp>

namespace {

const char* generated(structmig::Generated generated) {
  switch (generated) {
    case structmig::Generated::identity:
      return "identity";
    case structmig::Generated::server_default:
      return "server_default";
    case structmig::Generated::none:
      break;
  }
  return "none";
}

// The mapping compiles for the generated metadata (never called: no database).
[[maybe_unused]] Note (*const insert_note)(structmig::Connection&, const Note&,
                                           structmig::InsertColumns) = &structmig::insert<Note>;

}  // namespace

int main(int argc, char** argv) {
  if (argc > 1 && std::string_view(argv[1]) == "--models") {
    using traits = structmig::model_traits<Note>;
    for (std::size_t i = 0; i < traits::columns.size(); ++i) {
      const structmig::ColumnInfo& column = traits::columns[i];
      std::cout << traits::table << "." << column.name << " " << column.type << " "
                << generated(column.generated) << (i == traits::primary_key[0] ? " key" : "")
                << "\n";
    }
    return 0;
  }
  for (const structmig::Migration& m : structmig::compiled_migrations()) {
    std::cout << m.revision << " " << m.checksum << " " << m.message << "\n";
  }
}
