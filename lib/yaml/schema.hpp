#pragma once
// JSON Schema (draft-07) validation through valijson, with each error
// placed at the YAML file's line and worded for the person who wrote it.
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "yaml/yaml_json.hpp"

namespace lilo {

struct SchemaError {
    std::string pointer;   // JSON Pointer of the offending value
    std::string message;   // "mentor.since: must be a date (YYYY-MM-DD)"
    SourceMark mark;
};

class SchemaValidator {
public:
    // `schema_text` is the schema's JSON; throws std::runtime_error if it is not a schema.
    explicit SchemaValidator(std::string_view schema_text);
    ~SchemaValidator();
    SchemaValidator(const SchemaValidator&) = delete;
    SchemaValidator& operator=(const SchemaValidator&) = delete;

    std::vector<SchemaError> validate(const YamlDoc& doc) const;
    // The schema itself, as parsed.
    const nlohmann::json& schema() const;

private:
    struct Impl;
    std::unique_ptr<Impl> m_impl;
};

// The validator for an embedded schema ("portfolio.schema.json", …), built once.
const SchemaValidator& embedded_validator(std::string_view name);

} // namespace lilo
