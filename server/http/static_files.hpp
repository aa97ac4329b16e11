#pragma once
// The built web app, served from --web-dir: MIME types, cache headers, precompressed .gz
// variants, conditional requests, and no way out of the folder.
#include <httplib.h>

#include <filesystem>
#include <optional>
#include <string_view>

namespace madoguchi::server::http {

class StaticFiles {
public:
    explicit StaticFiles(std::filesystem::path web_dir) : web_dir_(std::move(web_dir)) {}

    // Checked on every request, so a build finishing after the server started is picked up.
    bool is_available() const;

    // Answers GET or HEAD for a URL path outside the API; "/" is index.html. False when no
    // file inside the web folder matches, including every path trying to leave it.
    bool serve(const httplib::Request& request, httplib::Response& response) const;

private:
    std::optional<std::filesystem::path> resolve(std::string_view url_path) const;

    std::filesystem::path web_dir_;
};

}  // namespace madoguchi::server::http
