// lilo programme validate FILE... | show ID|FILE | list: a centre's own
// programme files, checked and shown as lilo will apply them.
#include <fmt/core.h>
#include <memory>

#include "check.hpp"
#include "commands.hpp"
#include "core/dump_json.hpp"
#include "programme/show.hpp"
#include "rules/kinds.hpp"

namespace lilo::app {

Runner setup_programme(CLI::App& sub)
{
    sub.require_subcommand(1);
    auto files = std::make_shared<std::vector<std::string>>();
    auto ref = std::make_shared<std::string>();
    auto format = std::make_shared<std::string>("yaml");
    auto origins = std::make_shared<bool>(false);
    auto* validate = sub.add_subcommand("validate", "Check programme files against schemas/programme.schema.json, every extends followed");
    validate->add_option("files", *files, "Programme files (or built-in ids)")->required();
    auto* show = sub.add_subcommand("show", "Print a programme fully resolved, every extends merged");
    show->add_option("programme", *ref, "A built-in id or a programme file")->required();
    show->add_option("--format", *format, "yaml (default) or json")->check(CLI::IsMember({"yaml", "json"}));
    show->add_flag("--origins", *origins, "After each setting, the file or built-in programme that set it");
    auto* list = sub.add_subcommand("list", "List the built-in programmes and the requirement kinds");
    return [=]() -> int {
        if (validate->parsed()) {
            // Every file is checked and reported; the first invalid one decides the exit code.
            int rc = exit_ok;
            for (const auto& f : *files) {
                try {
                    const Programme p = load_programme(f, "");
                    fmt::print("{}: valid: {} ({} requirement{}, {} criteri{}{})\n", f, p.id, p.requirements.size(),
                               p.requirements.size() == 1 ? "" : "s", p.criteria.size(), p.criteria.size() == 1 ? "on" : "a",
                               p.chain.size() > 1 ? ", extends " + p.chain[1] : "");
                } catch (const ProgrammeError& e) {
                    fmt::print(stderr, "lilo: error: {}\n", e.describe());
                    rc = exit_cannot_check;
                }
            }
            return rc;
        }
        if (show->parsed()) {
            const Programme p = load_programme(*ref, "");
            if (*format == "json") fmt::print("{}\n", dump_json(p.resolved, 2));
            else fmt::print("{}", programme_yaml(p, *origins));
            return exit_ok;
        }
        if (list->parsed()) {
            fmt::print("Built-in programmes:\n");
            for (const auto& id : builtin_programmes()) fmt::print("  {:<20} {}\n", id, load_programme(id, "").title);
            fmt::print("Requirement kinds:\n");
            for (const auto& k : requirement_kinds()) fmt::print("  {:<20} {}\n", k->name, k->summary);
        }
        return exit_ok;
    };
}

} // namespace lilo::app
