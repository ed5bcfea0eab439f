#pragma once
// JSON text from values that may hold bytes read from a user's files or
// file names: invalid UTF-8 is replaced (U+FFFD) instead of throwing, so
// that no input can stop a report from being written.
#include <string>

#include <nlohmann/json.hpp>

namespace lilo {

inline std::string dump_json(const nlohmann::json& j, int indent = -1)
{
    return j.dump(indent, ' ', false, nlohmann::json::error_handler_t::replace);
}

} // namespace lilo
