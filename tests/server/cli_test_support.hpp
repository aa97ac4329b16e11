#pragma once
// For tests of the operators' commands (user, division, seed-demo): the built binary run on
// a database file, and what that file then holds.
#include <catch2/catch.hpp>

#include <filesystem>
#include <string>
#include <vector>

#include "server_test_support.hpp"
#include "store/database.hpp"

namespace madoguchi::testing {

inline bool mentions(const std::string& text, const std::string& part) { return text.find(part) != std::string::npos; }

// madoguchi <arguments…> with standard input `input` (empty: closed at once).
inline ProgramRun madoguchi_cli(const std::vector<std::string>& arguments, const std::string& input = {}) {
    return run_madoguchi(arguments, input);
}

inline std::int64_t count_of(const std::filesystem::path& database_path, const std::string& sql) {
    auto database = server::store::Database::open(database_path);
    REQUIRE(database);
    auto count = database.value().query_int(sql);
    REQUIRE(count);
    return count.value().value_or(0);
}

inline std::vector<std::string> texts_of(const std::filesystem::path& database_path, const std::string& sql) {
    auto database = server::store::Database::open(database_path);
    REQUIRE(database);
    auto statement = database.value().prepare(sql);
    REQUIRE(statement);
    std::vector<std::string> texts;
    while (true) {
        auto row = statement.value().step();
        REQUIRE(row);
        if (!row.value()) return texts;
        texts.push_back(statement.value().column_text(0));
    }
}

// The audit actions recorded by the command line, oldest first.
inline std::vector<std::string> cli_audit_actions(const std::filesystem::path& database_path) {
    return texts_of(database_path, "SELECT action FROM audit_log WHERE actor = 'cli' ORDER BY id");
}

}  // namespace madoguchi::testing
