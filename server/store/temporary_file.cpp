#include "store/temporary_file.hpp"

#include <unistd.h>

#include <cstdlib>
#include <filesystem>

namespace madoguchi::server::store {

TemporaryFile::TemporaryFile(std::string_view prefix) {
    auto pattern = (std::filesystem::temp_directory_path() / (std::string(prefix) + "-XXXXXX")).string();
    const int descriptor = mkstemp(pattern.data());
    if (descriptor >= 0) {
        ::close(descriptor);
        path_ = pattern;
    }
}

TemporaryFile::~TemporaryFile() {
    if (!path_.empty()) std::filesystem::remove(path_);
}

}  // namespace madoguchi::server::store
