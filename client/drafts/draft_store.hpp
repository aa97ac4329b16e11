#pragma once
// The drafts on this device, one JSON file each in a folder: natively any folder, in the
// browser a folder backed by IndexedDB (IDBFS), synced to it after every write.
#include <filesystem>
#include <functional>
#include <map>
#include <string>
#include <vector>

#include "drafts/draft.hpp"

namespace madoguchi::client {

class DraftStore {
public:
    // `persisted` runs after each write or removal (the browser syncs IndexedDB there).
    explicit DraftStore(std::filesystem::path folder, std::function<void()> persisted = {});

    // Reads the folder; until then the store is empty and not loaded.
    void load();
    bool loaded() const { return loaded_; }

    const Draft* find(const std::string& id) const;
    // Newest change first.
    std::vector<const Draft*> list() const;
    // Saves the draft as it is; false when the file could not be written.
    bool put(const Draft& draft);
    void remove(const std::string& id);

private:
    std::filesystem::path file_of(const std::string& id) const;

    std::filesystem::path folder_;
    std::function<void()> persisted_;
    std::map<std::string, Draft> drafts_;
    bool loaded_ = false;
};

}  // namespace madoguchi::client
