#pragma once
// The browser's file chooser behind App::pick_file. The chosen file is read whole into wasm
// memory by the page and handed over at the start of the next frame, so view-models change
// only inside frames, as with API answers.
#include <string>

#include "app/picked_file.hpp"

namespace madoguchi::client {

void pick_file_web(const std::string& accept, FilePicked done);
// Runs the callbacks of choices made since the last frame.
void deliver_picked_files();

}  // namespace madoguchi::client
