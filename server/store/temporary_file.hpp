#pragma once
// A temporary file for libraries that write only to files (libxlsxwriter 1.1.4): created empty
// under the system's temporary folder with a name starting with `prefix`, removed when done.
// path() is empty when it could not be created.
#include <string>
#include <string_view>

namespace madoguchi::server::store {

class TemporaryFile {
public:
    explicit TemporaryFile(std::string_view prefix);
    ~TemporaryFile();
    TemporaryFile(const TemporaryFile&) = delete;
    TemporaryFile& operator=(const TemporaryFile&) = delete;

    const std::string& path() const { return path_; }

private:
    std::string path_;
};

}  // namespace madoguchi::server::store
