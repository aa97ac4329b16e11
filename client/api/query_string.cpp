#include "api/query_string.hpp"

namespace madoguchi::client {

std::string percent_encode(std::string_view text) {
    static constexpr char hex[] = "0123456789ABCDEF";
    std::string encoded;
    for (const char c : text) {
        const auto byte = static_cast<unsigned char>(c);
        const bool unreserved = (byte >= 'A' && byte <= 'Z') || (byte >= 'a' && byte <= 'z') ||
                                (byte >= '0' && byte <= '9') || byte == '-' || byte == '_' || byte == '.' || byte == '~';
        if (unreserved) {
            encoded += c;
        } else {
            encoded += '%';
            encoded += hex[byte >> 4];
            encoded += hex[byte & 0x0F];
        }
    }
    return encoded;
}

std::string with_query(std::string path, const std::vector<std::pair<std::string, std::string>>& parameters) {
    char separator = '?';
    for (const auto& [name, value] : parameters) {
        if (value.empty()) continue;
        path += separator;
        path += name;
        path += '=';
        path += percent_encode(value);
        separator = '&';
    }
    return path;
}

}  // namespace madoguchi::client
