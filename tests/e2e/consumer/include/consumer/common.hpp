// Shared by the consumer's models (reached through the model target's include
// directories, so the tool must be given them).
#pragma once
#include <cstdint>
namespace consumer {
using Id = std::int64_t;
}
