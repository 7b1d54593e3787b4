// The depfile the build reads, compared as exact text.
#include "render/render_depfile.hpp"

#include <gtest/gtest.h>

namespace structmig::render {
namespace {

TEST(RenderDepfile, OneDependencyPerLineEscaped) {
  EXPECT_EQ(render_depfile("/b/migrations_index.cpp",
                           {"/s/models/note.hpp", "/s/my models/a#b$c.hpp", "/s/migrations",
                            "/s/migrations/0001_create_notes.cpp"}),
            "/b/migrations_index.cpp: \\\n"
            "  /s/models/note.hpp \\\n"
            "  /s/my\\ models/a\\#b$$c.hpp \\\n"
            "  /s/migrations \\\n"
            "  /s/migrations/0001_create_notes.cpp\n");
}

TEST(RenderDepfile, NoDependencies) { EXPECT_EQ(render_depfile("/b/i.cpp", {}), "/b/i.cpp:\n"); }

}  // namespace
}  // namespace structmig::render
