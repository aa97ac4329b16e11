#pragma once
// A file the user chose with the platform's file chooser (an import's CSV, a manual's PDF).
#include <functional>
#include <optional>
#include <string>

namespace madoguchi::client {

struct PickedFile {
    std::string name;   // as the user's system names it, without a folder
    std::string type;   // the browser's guess from the extension ("text/csv"); may be empty
    std::string bytes;  // the whole file
};

// Called in a later frame with the file, or std::nullopt when the user closed the chooser.
using FilePicked = std::function<void(std::optional<PickedFile>)>;
// Opens the chooser; `accept` is the <input accept> list, e.g. ".csv,text/csv".
using FilePicker = std::function<void(const std::string& accept, FilePicked done)>;

}  // namespace madoguchi::client
