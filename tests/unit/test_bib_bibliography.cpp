#include <doctest/doctest.h>

#include "bib/bibliography.hpp"

using namespace lilo;

TEST_CASE("bibliography keys from CSL-YAML, CSL-JSON and BibTeX")
{
    auto yaml = read_bibliography("references:\n  - id: robinson2011\n  - id: fullan2001\n", "references.yaml");
    CHECK_FALSE(yaml.error);
    CHECK(yaml.keys == std::set<std::string>{"fullan2001", "robinson2011"});
    auto json = read_bibliography(R"([{"id": "a"}, {"id": "b"}])", "references.json");
    CHECK(json.keys == std::set<std::string>{"a", "b"});
    auto bib = read_bibliography("@book{hallinger2011,\n title={Leadership}}\n", "references.bib");
    CHECK(bib.keys == std::set<std::string>{"hallinger2011"});
}

TEST_CASE("a bibliography id that is not a string, holding bytes that are not UTF-8, is read and not thrown on")
{
    // Found by fuzz_bibliography (fuzz/regressions/bibliography/invalid-utf8-in-list-id):
    // the id was a list whose text held a Latin-1 byte; writing it out threw.
    const std::string text = "references:\n  - id:\n      - family1 J\xe0\xa1rf\xe9\n";
    BibliographyKeys keys;
    CHECK_NOTHROW(keys = read_bibliography(text, "references.yaml"));
    CHECK(keys.keys.size() == 1);
    CHECK_NOTHROW(read_bibliography(text, "references.json"));
    CHECK_NOTHROW(read_bibliography(text, "references.bib"));
}
