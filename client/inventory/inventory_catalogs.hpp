#pragma once
// What the ledger's labels and the edit form's choices come from: the device classes, the
// locations and the device models (GET /api/v1/device-classes, /locations, /device-models),
// loaded together; the page shows an error with a retry when any of them fails.
#include <cstdint>
#include <string>
#include <vector>

#include "api/api_client.hpp"
#include "i18n/catalog.hpp"

namespace madoguchi::client {

struct ClassEntry {
    std::string code;
    std::string name_ja;
    std::string name_en;
};

struct ModelEntry {
    std::int64_t id = 0;
    std::string maker;
    std::string name;
    std::string class_code;
};

struct LocationEntry {
    std::int64_t id = 0;
    std::string name;  // "中央合同庁舎第3号館 10階 1001会議室"
};

class InventoryCatalogs {
public:
    enum class State { idle, loading, loaded, failed };

    // Asks for all three lists (again after a failure); an older load's answers are dropped.
    void load(ApiClient& api, i18n::Language language);
    // Read one answer; public for tests with fixtures. False when the body is not the list.
    bool accept_classes(const std::string& body);
    bool accept_models(const std::string& body);
    bool accept_locations(const std::string& body);

    State state() const { return state_; }
    const std::string& error_text() const { return error_; }

    const std::vector<ClassEntry>& classes() const { return classes_; }
    const std::vector<ModelEntry>& models() const { return models_; }
    const std::vector<LocationEntry>& locations() const { return locations_; }

    // The shared catalog's name ("inventory.class.<code>"), the server's name for a class the
    // client does not know, or the code.
    std::string class_label(const std::string& code, i18n::Language language) const;
    // "メーカー 機種名"; empty for 0 or an unknown id.
    std::string model_label(std::int64_t id) const;
    std::string location_label(std::int64_t id) const;

private:
    void settle();

    State state_ = State::idle;
    std::string error_;
    std::uint64_t generation_ = 0;
    int waiting_ = 0;
    std::vector<ClassEntry> classes_;
    std::vector<ModelEntry> models_;
    std::vector<LocationEntry> locations_;
};

}  // namespace madoguchi::client
