// extract_from_headers on real header files written to a temporary
// directory: the schema and rename hints, the dependency list for the
// depfile, printed `path:line:col: error:` diagnostics and the error count.
// (Model code uses the R"model( delimiter: clang-format reformats R"cpp(.)
#include "extract/run.hpp"

#include <unistd.h>

#include <algorithm>
#include <filesystem>
#include <fstream>

#include <gmock/gmock.h>
#include <gtest/gtest.h>
#include <llvm/Support/raw_ostream.h>

namespace structmig::extract {
namespace {

namespace fs = std::filesystem;
using ::testing::HasSubstr;

class ExtractFromHeaders : public ::testing::Test {
 protected:
  void SetUp() override {
    const auto* test = ::testing::UnitTest::GetInstance()->current_test_info();
    directory_ = fs::temp_directory_path() / ("structmig-extract-" + std::string(test->name()) +
                                              "-" + std::to_string(::getpid()));
    fs::remove_all(directory_);
    fs::create_directories(directory_);
  }
  void TearDown() override { fs::remove_all(directory_); }

  std::string write(const std::string& name, std::string_view text) {
    fs::path path = directory_ / name;
    std::ofstream(path) << text;
    return path.string();
  }

  ExtractResult run(std::vector<std::string> headers, std::vector<std::string> extra_args = {},
                    bool leak_ast = false) {
    ExtractOptions options;
    options.leak_ast = leak_ast;
    options.headers = std::move(headers);
    options.compiler_args = {"-I" STRUCTMIG_TEST_RUNTIME_INCLUDE};
    options.compiler_args.insert(options.compiler_args.end(), extra_args.begin(), extra_args.end());
    options.resource_dir = STRUCTMIG_TEST_CLANG_RESOURCE_DIR;
    llvm::raw_string_ostream stream(output_);
    ExtractResult result = extract_from_headers(options, stream);
    stream.flush();
    return result;
  }

  fs::path directory_;
  std::string output_;
};

TEST_F(ExtractFromHeaders, ParsesEveryHeaderAndListsEveryFileRead) {
  std::string common = write("common.hpp", R"model(#pragma once
#include <structmig/model.hpp>
#include <cstdint>
#include <string>
)model");
  std::string users = write("users.hpp", R"model(#pragma once
#include "common.hpp"
struct STRUCTMIG_TABLE(users) User {
  STRUCTMIG_COLUMN(primary_key) std::int64_t id;
  STRUCTMIG_COLUMN(renamed_from(full_name)) std::string name;
};
)model");
  std::string orders = write("orders.hpp", R"model(#pragma once
#include <structmig/model.hpp>
#include <cstdint>
struct STRUCTMIG_TABLE(orders) Order {
  STRUCTMIG_COLUMN(primary_key) std::int64_t id;
  std::int64_t user_id;
};
)model");

  ExtractResult result = run({users, orders});
  EXPECT_EQ(result.errors, 0u) << output_;
  EXPECT_EQ(output_, "");
  ASSERT_EQ(result.schema.tables.size(), 2u);
  EXPECT_EQ(result.schema.tables[0].name, "orders");
  EXPECT_EQ(result.schema.tables[1].name, "users");
  RenameHints hints;
  hints.columns[{"users", "name"}] = "full_name";
  EXPECT_EQ(result.hints, hints);  // passed on for the diff

  const std::vector<std::string>& dependencies = result.dependencies;
  for (const std::string& header :
       {common, users, orders,
        std::string(STRUCTMIG_TEST_RUNTIME_INCLUDE "/structmig/model.hpp")}) {
    std::string canonical = fs::canonical(header).string();
    EXPECT_EQ(std::count(dependencies.begin(), dependencies.end(), canonical), 1) << canonical;
  }
  EXPECT_TRUE(std::is_sorted(dependencies.begin(), dependencies.end()));
  EXPECT_EQ(std::adjacent_find(dependencies.begin(), dependencies.end()), dependencies.end());
  for (const std::string& dependency : dependencies) {
    EXPECT_TRUE(fs::path(dependency).is_absolute()) << dependency;
    EXPECT_TRUE(fs::exists(dependency)) << dependency;  // the in-memory TU is not listed
  }
}

TEST_F(ExtractFromHeaders, ModelMistakesArePrintedWithFileLineAndColumn) {
  std::string bad = write("bad.hpp", R"model(#pragma once
#include <structmig/model.hpp>
#include <cstdint>
struct STRUCTMIG_TABLE(bad) Bad {
  STRUCTMIG_COLUMN(primray_key) std::int64_t id;
  unsigned count;
};
struct STRUCTMIG_TABLE(keyless) Keyless { std::int64_t id; };
)model");
  ExtractResult result = run({bad});
  EXPECT_EQ(result.errors, 3u) << output_;
  EXPECT_THAT(output_, HasSubstr(bad + ":5:20: error: unknown annotation argument 'primray_key'; "
                                       "did you mean 'primary_key'?"));
  EXPECT_THAT(output_, HasSubstr(bad + ":6:3: error: unsupported C++ type 'unsigned int' for "
                                       "column 'count'"));
  EXPECT_THAT(output_, HasSubstr(bad + ":8:33: error: table 'keyless' has no primary key"));
  EXPECT_THAT(output_, HasSubstr("3 errors generated."));  // Clang's summary: same stream
}

TEST_F(ExtractFromHeaders, ClangErrorsInHeadersCount) {
  std::string broken = write("broken.hpp", R"model(#pragma once
struct Broken { int a }
)model");
  ExtractResult result = run({broken});
  EXPECT_GE(result.errors, 1u);
  EXPECT_THAT(output_, HasSubstr(broken + ":2:22: error: expected ';'"));
}

TEST_F(ExtractFromHeaders, MissingHeaderIsAnError) {
  ExtractResult result = run({(directory_ / "missing.hpp").string()});
  EXPECT_GE(result.errors, 1u);
  EXPECT_THAT(output_, HasSubstr("missing.hpp' file not found"));
}

TEST_F(ExtractFromHeaders, UserFlagsComeAfterOurs) {
  std::string model = write("model.hpp", R"model(#pragma once
#include <structmig/model.hpp>
#ifdef __STRICT_ANSI__
#error "the user's -std=gnu++20 wins over the tool's -std=c++20"
#endif
#ifndef STRUCTMIG_SCAN
#error "the tool defines STRUCTMIG_SCAN"
#endif
struct STRUCTMIG_TABLE(things) Thing { STRUCTMIG_COLUMN(primary_key) APP_ID id; };
)model");
  ExtractResult result = run({model}, {"-std=gnu++20", "-DAPP_ID=long"});
  EXPECT_EQ(result.errors, 0u) << output_;
  ASSERT_EQ(result.schema.tables.size(), 1u);
  EXPECT_EQ(result.schema.tables[0].columns[0].type, "bigint");
}

// The tool's mode (leak_ast: Clang's AST left for the process exit to free)
// reads the same models, files and mistakes as the default.
TEST_F(ExtractFromHeaders, LeavingTheAstToTheExitChangesNothing) {
  std::string model = write("model.hpp", R"model(#pragma once
#include <structmig/model.hpp>
#include <cstdint>
struct STRUCTMIG_TABLE(things, index(n)) Thing {
  STRUCTMIG_COLUMN(primary_key) std::int64_t id;
  std::int32_t n;
  STRUCTMIG_COLUMN(primray_key) std::int32_t m;
};
)model");
  ExtractResult freed = run({model});
  const std::string freed_output = output_;
  output_.clear();
  ExtractResult leaked = run({model}, {}, /*leak_ast=*/true);
  EXPECT_EQ(leaked.errors, freed.errors);
  EXPECT_GE(leaked.errors, 1u);
  EXPECT_EQ(output_, freed_output);
  EXPECT_THAT(output_, HasSubstr("primray_key"));
  EXPECT_EQ(leaked.dependencies, freed.dependencies);
  EXPECT_EQ(leaked.schema, freed.schema);
}

}  // namespace
}  // namespace structmig::extract
