#pragma once
// lilo signoff: the mentor's one act of writing inside a portfolio. Checks
// the portfolio, then writes signoff.yaml (name, date, fingerprint and the
// file list it covers) atomically: a temporary file renamed over it, so the
// file is whole or absent. Prints nothing.
#include <filesystem>
#include <optional>
#include <string>
#include <vector>

#include "core/date.hpp"
#include "portfolio/fingerprint.hpp"

namespace lilo {

struct SignoffRequest {
    std::filesystem::path folder;
    std::optional<std::string> name;   // else portfolio.yaml's mentor.name
    std::optional<Date> date;          // else today
    Date today = Date::today();
    enum class Incomplete { refuse, allow } incomplete = Incomplete::refuse;
    // A sign-off that still holds (its sha256 is the fingerprint) is kept unless replaced.
    enum class Current { keep, replace } current = Current::keep;
};

struct SignoffOutcome {
    enum class Status { written, incomplete, already_current } status = Status::written;
    std::string name;
    Date date;
    std::string sha256;
    std::size_t files = 0;                 // files the fingerprint covers
    std::vector<std::string> unmet;        // "R2 (Reflective journal)", "3 problems with files (P.*)"
    std::string previous;                  // the sign-off there was: "Ho Chi Keung, 2026-06-20, fingerprint 8e708ac83552"
    bool previous_current = false;         // whether it still held
    std::vector<Unbundlable> refused;      // files the fingerprint cannot cover
    std::filesystem::path written;         // the file, when written
};

// Throws CannotCheck for what stops it: no portfolio, no mentor name (or the
// candidate's), a date the check would refuse, a write that fails.
SignoffOutcome sign_off(const SignoffRequest& request);

// signoff.yaml's text for these values and the fingerprint's lines.
std::string signoff_yaml(const std::string& name, const Date& date, const std::string& sha256, const std::string& lines);

} // namespace lilo
