#include "drafts/draft_store.hpp"

#include <algorithm>
#include <cctype>
#include <fstream>
#include <sstream>
#include <system_error>

namespace madoguchi::client {

DraftStore::DraftStore(std::filesystem::path folder, std::function<void()> persisted)
    : folder_(std::move(folder)), persisted_(std::move(persisted)) {}

void DraftStore::load() {
    drafts_.clear();
    std::error_code error;
    std::filesystem::create_directories(folder_, error);
    for (const auto& entry : std::filesystem::directory_iterator(folder_, error)) {
        if (entry.path().extension() != ".json") continue;
        std::ifstream file(entry.path());
        std::stringstream text;
        text << file.rdbuf();
        const auto parsed = nlohmann::json::parse(text.str(), nullptr, false);
        if (auto draft = draft_from_json(parsed)) drafts_.insert_or_assign(draft->id, std::move(*draft));
    }
    loaded_ = true;
}

const Draft* DraftStore::find(const std::string& id) const {
    const auto found = drafts_.find(id);
    return found == drafts_.end() ? nullptr : &found->second;
}

std::vector<const Draft*> DraftStore::list() const {
    std::vector<const Draft*> result;
    for (const auto& [id, draft] : drafts_) result.push_back(&draft);
    // ISO 8601 UTC strings sort in time order.
    std::stable_sort(result.begin(), result.end(),
                     [](const Draft* a, const Draft* b) { return a->saved_at > b->saved_at; });
    return result;
}

bool DraftStore::put(const Draft& draft) {
    std::error_code error;
    std::filesystem::create_directories(folder_, error);
    // Written beside and renamed over, so a crash mid-write never leaves half a draft.
    const auto target = file_of(draft.id);
    auto partial = target;
    partial += ".partial";
    {
        std::ofstream file(partial, std::ios::trunc);
        file << to_json(draft).dump();
        if (!file.flush()) return false;
    }
    std::filesystem::rename(partial, target, error);
    if (error) return false;
    drafts_.insert_or_assign(draft.id, draft);
    if (persisted_) persisted_();
    return true;
}

void DraftStore::remove(const std::string& id) {
    std::error_code error;
    std::filesystem::remove(file_of(id), error);
    drafts_.erase(id);
    if (persisted_) persisted_();
}

std::filesystem::path DraftStore::file_of(const std::string& id) const {
    // Ids are UUIDs made here; anything else in a name could leave the folder.
    std::string safe;
    for (const char c : id) safe += (std::isalnum(static_cast<unsigned char>(c)) != 0 || c == '-') ? c : '_';
    return folder_ / (safe + ".json");
}

}  // namespace madoguchi::client
