#pragma once
// What a ledger import may refer to, looked up in memory: models by maker and name (or by
// name alone when only one maker has it), locations by display name, divisions by code,
// custodians by login. Built once per import from the stored lists.
#include <cstdint>
#include <string>
#include <string_view>
#include <unordered_map>
#include <unordered_set>
#include <vector>

#include "inventory/device_model.hpp"
#include "inventory/location.hpp"

namespace madoguchi::inventory {

struct LedgerReferences {
    std::vector<DeviceModel> models;
    std::vector<Location> locations;
    std::vector<std::string> division_codes;
    std::vector<std::string> logins;
};

class LedgerIndex {
public:
    explicit LedgerIndex(LedgerReferences references);

    enum class Match { found, unknown, ambiguous };
    struct ModelMatch {
        Match match = Match::unknown;
        const DeviceModel* model = nullptr;
    };
    // `maker` empty: by name alone. Compared as searches compare (width, case, spaces).
    ModelMatch model(std::string_view maker, std::string_view name) const;
    // By display_name(), compared the same way; 0 when unknown.
    std::int64_t location_id(std::string_view name) const;
    bool has_division(const std::string& code) const { return divisions_.contains(code); }
    bool has_login(const std::string& login) const { return logins_.contains(login); }

private:
    LedgerReferences references_;
    std::unordered_map<std::string, std::size_t> model_by_maker_and_name_;
    std::unordered_multimap<std::string, std::size_t> models_by_name_;
    std::unordered_map<std::string, std::int64_t> location_by_name_;
    std::unordered_set<std::string> divisions_;
    std::unordered_set<std::string> logins_;
};

}  // namespace madoguchi::inventory
