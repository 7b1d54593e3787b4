// Renders the depfile (see render_depfile.hpp).
#include "render/render_depfile.hpp"

namespace structmig::render {
namespace {

std::string escape(const std::string& path) {
  std::string out;
  for (char c : path) {
    if (c == ' ' || c == '#' || c == '\\') out += '\\';
    if (c == '$') out += '$';
    out += c;
  }
  return out;
}

}  // namespace

std::string render_depfile(const std::string& target, const std::vector<std::string>& deps) {
  std::string text = escape(target) + ":";
  for (const std::string& dep : deps) text += " \\\n  " + escape(dep);
  return text + "\n";
}

}  // namespace structmig::render
