// Every form of call a generated file writes, compiled with nothing but the
// light structmig/generated.hpp (what generated migrations include): the
// owned values, the operations and the connection stay incomplete here.
#include <structmig/generated.hpp>

// Nothing heavier of the standard library than the recorder's declarations
// name: no container, no std::string, no std::span (libstdc++'s guards).
#if defined(_GLIBCXX_VECTOR) || defined(_GLIBCXX_STRING) || defined(_GLIBCXX_SPAN) || \
    defined(_GLIBCXX_FUNCTIONAL)
#error "structmig/generated.hpp includes <vector>, <string>, <span> or <functional>"
#endif

namespace light_include {

template <typename T>
concept complete = requires { sizeof(T); };
static_assert(!complete<structmig::Table>);
static_assert(!complete<structmig::Connection>);
static_assert(!complete<structmig::CreateTable>);
static_assert(!complete<structmig::OpList>);

using namespace structmig;

constexpr const char* labels[] = {"a", "b"};
constexpr data::EnumType s_from{.name = "s", .labels = labels};
constexpr data::EnumType s_to{.name = "s", .labels = labels};
constexpr data::Column c{.name = "c", .type = "text"};
constexpr data::ForeignKey fk{.name = "fk", .columns = {"a"}, .referenced_table = "t", .referenced_columns = {"id"}};
constexpr data::UniqueConstraint uq{.name = "uq", .columns = {"a"}};
constexpr data::CheckConstraint ck{.name = "ck", .expression = "a > 0"};
constexpr data::IndexKey keys[] = {{.column = "a"}};
constexpr data::Index ix{.name = "ix", .keys = keys};
constexpr data::Column cols[] = {c};
constexpr data::Table t{.name = "t", .columns = cols, .primary_key = {"id"}, .primary_key_name = "pk"};
constexpr data::EnumUsage usages[] = {{.table = "t", .column = "c"}};
void record_every_generated_call(structmig::Ops& op) {
  op.create_table(t);
  op.add_column("t", c);
  op.alter_column("t", c, c, "c::text");
  op.alter_column("t", c, c);
  op.set_primary_key("t", {}, {"id"}, "pk");
  op.set_primary_key("t", {"id"}, {"id", "x"}, "pk", {.using_index = "ix"});
  op.set_table_comment("t", std::nullopt);
  op.set_table_comment("t", "hi");
  op.add_foreign_key("t", fk, {.not_valid = true});
  op.add_unique("t", uq, {.using_index = "ix"});
  op.add_check("t", ck);
  op.create_index("t", ix, {.concurrently = true});
  op.drop_index("t", "ix", {.concurrently = true});
  op.create_enum(s_from);
  op.recreate_enum(s_from, s_to, {});
  op.recreate_enum(s_from, s_to, usages);
  op.add_enum_label("s", "b", {.after = "a"});
  op.add_enum_label("s", "z");
  op.backfill("t", "c", "1", {.key = {"a", "b"}, .batch_size = 7});
  op.backfill("t", "c", "1");
  op.execute("SELECT 1");
  op.commit();
  op.drop_table("t");
}

}  // namespace light_include

STRUCTMIG_MIGRATION({.revision = "11aa22bb33cc",
                     .message = "light",
                     .upgrade = light_include::record_every_generated_call,
                     .downgrade = light_include::record_every_generated_call});
