#pragma once
// The ministry's divisions (課室) as the client shows them (GET /api/v1/divisions): names for
// codes, and the tree in display order with each division's depth, for indented choices.
#include <string>
#include <vector>

#include "api/api_client.hpp"
#include "i18n/catalog.hpp"

namespace madoguchi::client {

struct DivisionEntry {
    std::string code;
    std::string parent_code;  // empty for a top-level division
    std::string name_ja;
    std::string name_en;
    int depth = 0;  // 0 for a top-level division, filled in by the tree order
};

class Divisions {
public:
    enum class State { idle, loading, loaded, failed };

    // Asks the server once (again after a failure).
    void load(ApiClient& api);
    // Reads the server's answer; public for tests with fixtures.
    void accept(const std::string& body);
    State state() const { return state_; }

    // Parents before their children, siblings by code.
    const std::vector<DivisionEntry>& tree() const { return tree_; }
    // The division's name in `language` (Japanese when no English one); the code itself when unknown.
    std::string name_of(const std::string& code, i18n::Language language) const;
    // Index into tree(); -1 when unknown.
    int index_of(const std::string& code) const;

private:
    State state_ = State::idle;
    std::vector<DivisionEntry> tree_;
};

}  // namespace madoguchi::client
