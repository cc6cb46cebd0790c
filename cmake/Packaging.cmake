# CPack: three Debian packages from the install components (cmake/Install.cmake).
# Library dependencies come from dpkg-shlibdeps; what the programs read at run time (the word
# list, OCR data, the fonts embedded in bundles) is named here.
set(CPACK_GENERATOR DEB)
set(CPACK_DEB_COMPONENT_INSTALL ON)
set(CPACK_COMPONENTS_ALL cli dev)
if(SAFESAR_BUILD_GUI)
  list(APPEND CPACK_COMPONENTS_ALL gui)
endif()
set(CPACK_PACKAGE_NAME safesar)
set(CPACK_PACKAGE_VENDOR "SafeSAR project")
set(CPACK_PACKAGE_CONTACT "SafeSAR project <safesar@example.invalid>")
set(CPACK_PACKAGE_VERSION ${PROJECT_VERSION})
set(CPACK_DEBIAN_PACKAGE_RELEASE 1) # packaging/changelog.Debian's first entry
set(CPACK_DEBIAN_FILE_NAME DEB-DEFAULT)
set(CPACK_DEBIAN_PACKAGE_SHLIBDEPS ON)
set(CPACK_DEBIAN_PACKAGE_HOMEPAGE "https://safesar.invalid/")
set(CPACK_DEBIAN_PACKAGE_PRIORITY optional)
set(CPACK_STRIP_FILES ON) # the programs; debugging uses the build tree
# gzip: xz of the programs costs CI minutes for bytes nobody downloads.
set(CPACK_DEBIAN_COMPRESSION_TYPE gzip)
set(CPACK_PACKAGING_INSTALL_PREFIX ${CMAKE_INSTALL_PREFIX}) # /usr (Install.cmake)

set(CPACK_DEBIAN_CLI_PACKAGE_NAME safesar)
set(CPACK_DEBIAN_CLI_PACKAGE_SECTION utils)
set(CPACK_DEBIAN_CLI_PACKAGE_DEPENDS
    "wbritish-large, tesseract-ocr-eng, tesseract-ocr-osd, fonts-dejavu-core, fonts-noto-core, fonts-droid-fallback")
set(CPACK_COMPONENT_CLI_DESCRIPTION
    "answer UK GDPR subject access requests safely\n\
SafeSAR answers subject access requests for domestic-abuse services. It gathers\n\
the requester's records, finds everything about other people, proposes\n\
redactions under a policy that knows when the requester may be the\n\
perpetrator, and exports a disclosure bundle (PDF and JSON) in which the\n\
redacted content is truly absent.\n\
.\n\
This package holds the safesar command line and the dictionaries it reads.")

set(CPACK_DEBIAN_GUI_PACKAGE_NAME safesar-gui)
set(CPACK_DEBIAN_GUI_PACKAGE_SECTION utils)
set(CPACK_DEBIAN_GUI_PACKAGE_DEPENDS "safesar (= ${PROJECT_VERSION}-1)") # the dictionaries
set(CPACK_COMPONENT_GUI_DESCRIPTION
    "reviewer desktop for SafeSAR subject access requests\n\
The requests of a workspace with their deadlines; a case's pages with every\n\
proposed redaction drawn on them; keyboard review, manual redactions, the\n\
safety summary and sign-offs, and export with a preview.")

set(CPACK_DEBIAN_DEV_PACKAGE_NAME safesar-dev)
set(CPACK_DEBIAN_DEV_PACKAGE_SECTION libdevel)
# The static libraries link these; find_package(SafeSAR) finds them (SafeSARDependencies.cmake).
set(CPACK_DEBIAN_DEV_PACKAGE_DEPENDS "safesar (= ${PROJECT_VERSION}-1), cmake, pkg-config, \
libpoppler-cpp-dev, libpoppler-glib-dev, libqpdf-dev, libpodofo-dev, libfontconfig-dev, \
libicu-dev, libre2-dev, libgmime-3.0-dev, libmagic-dev, nlohmann-json3-dev, libsqlite3-dev, libpqxx-dev, \
libgumbo-dev, libzip-dev, libxml2-dev, libgsf-1-dev, libexiv2-dev, libheif-dev, \
libtesseract-dev, libleptonica-dev, libssl-dev, libjpeg-dev")
set(CPACK_COMPONENT_DEV_DESCRIPTION
    "SafeSAR engine: static libraries and headers\n\
The SafeSAR engine as static libraries, with its public headers and a CMake\n\
package config: find_package(SafeSAR) and link SafeSAR::safesar_engine to\n\
gather, detect, review and export subject access requests from other programs.")

include(CPack)
