# Install rules (GNUInstallDirs) and the Debian packages, one CPack component each:
#   cli -> safesar      the command line, the dictionaries, the docs, the man page, completion
#   gui -> safesar-gui  the reviewer desktop, its menu entry and icon
#   dev -> safesar-dev  the engine's static libraries, headers and CMake package config
# `cpack -G DEB` in the build folder writes the three .debs (tests/packaging/ checks them).
include(CMakePackageConfigHelpers)
# `cmake --install` and cpack take what was built; they never build the tests first (demo.sh
# builds only what the packages hold, docs/packaging.md).
set(CMAKE_SKIP_INSTALL_ALL_DEPENDENCY ON)
include(cmake/PackageFiles.cmake) # man pages, changelog: generated at build time

set(safesar_doc_dir ${CMAKE_INSTALL_DATADIR}/doc/safesar)

# safesar
install(TARGETS safesar RUNTIME DESTINATION ${CMAKE_INSTALL_BINDIR} COMPONENT cli)
install(DIRECTORY ${PROJECT_SOURCE_DIR}/dictionaries/
        DESTINATION ${CMAKE_INSTALL_DATADIR}/safesar/dictionaries COMPONENT cli
        PATTERN "*.sh" EXCLUDE PATTERN "*.py" EXCLUDE) # the rebuild scripts stay in the source
install(FILES ${PROJECT_SOURCE_DIR}/README.md DESTINATION ${safesar_doc_dir} COMPONENT cli)
install(DIRECTORY ${PROJECT_SOURCE_DIR}/docs/ DESTINATION ${safesar_doc_dir} COMPONENT cli
        PATTERN "images" EXCLUDE PATTERN "gui.md" EXCLUDE)
# The fictional demo case, to try the installed program on (README, scripts/demo.sh).
install(DIRECTORY ${PROJECT_SOURCE_DIR}/fixtures/cases/demo-perpetrator
        DESTINATION ${safesar_doc_dir}/examples COMPONENT cli PATTERN ".safesar" EXCLUDE)
install(FILES ${PROJECT_SOURCE_DIR}/packaging/completion/safesar
        DESTINATION ${CMAKE_INSTALL_DATADIR}/bash-completion/completions COMPONENT cli)
safesar_package_docs(cli safesar)

# safesar-gui
if(SAFESAR_BUILD_GUI)
  install(TARGETS safesar-gui RUNTIME DESTINATION ${CMAKE_INSTALL_BINDIR} COMPONENT gui)
  install(FILES ${PROJECT_SOURCE_DIR}/packaging/safesar-gui.desktop
          DESTINATION ${CMAKE_INSTALL_DATADIR}/applications COMPONENT gui)
  install(FILES ${PROJECT_SOURCE_DIR}/packaging/safesar-gui.svg
          DESTINATION ${CMAKE_INSTALL_DATADIR}/icons/hicolor/scalable/apps COMPONENT gui)
  install(FILES ${PROJECT_SOURCE_DIR}/docs/gui.md DESTINATION ${CMAKE_INSTALL_DATADIR}/doc/safesar-gui
          COMPONENT gui)
  install(DIRECTORY ${PROJECT_SOURCE_DIR}/docs/images
          DESTINATION ${CMAKE_INSTALL_DATADIR}/doc/safesar-gui COMPONENT gui
          FILES_MATCHING PATTERN "*1280x720.png")
  safesar_package_docs(gui safesar-gui)
endif()

# safesar-dev: find_package(SafeSAR) gives SafeSAR::safesar_engine.
set(engine_stages safesar_core safesar_about safesar_media safesar_gather safesar_detect
    safesar_policy safesar_export safesar_deadline safesar_pipeline safesar_review
    safesar_case_export safesar_batch)
set(cmake_dir ${CMAKE_INSTALL_LIBDIR}/cmake/SafeSAR)
install(TARGETS ${engine_stages} safesar_engine EXPORT SafeSARTargets
        ARCHIVE DESTINATION ${CMAKE_INSTALL_LIBDIR} COMPONENT dev)
# Stripping (cpack) strips the programs but leaves static libraries whole: their debugging
# information (RelWithDebInfo, about 250 MB) is slow to compress and of no use in a package.
install(CODE "
  if(CMAKE_INSTALL_DO_STRIP)
    file(GLOB archives \"\$ENV{DESTDIR}\${CMAKE_INSTALL_PREFIX}/${CMAKE_INSTALL_LIBDIR}/libsafesar_*.a\")
    foreach(archive IN LISTS archives)
      execute_process(COMMAND ${CMAKE_STRIP} --strip-debug \${archive} COMMAND_ERROR_IS_FATAL ANY)
    endforeach()
  endif()" COMPONENT dev)
install(DIRECTORY ${PROJECT_SOURCE_DIR}/engine/include/safesar
        DESTINATION ${CMAKE_INSTALL_INCLUDEDIR} COMPONENT dev)
install(EXPORT SafeSARTargets NAMESPACE SafeSAR:: DESTINATION ${cmake_dir} COMPONENT dev)
configure_package_config_file(${PROJECT_SOURCE_DIR}/cmake/SafeSARConfig.cmake.in
  ${CMAKE_CURRENT_BINARY_DIR}/SafeSARConfig.cmake INSTALL_DESTINATION ${cmake_dir})
write_basic_package_version_file(${CMAKE_CURRENT_BINARY_DIR}/SafeSARConfigVersion.cmake
  COMPATIBILITY SameMinorVersion) # 0.x: a minor version may break the API
install(FILES ${CMAKE_CURRENT_BINARY_DIR}/SafeSARConfig.cmake
        ${CMAKE_CURRENT_BINARY_DIR}/SafeSARConfigVersion.cmake
        ${PROJECT_SOURCE_DIR}/cmake/SafeSARDependencies.cmake
        DESTINATION ${cmake_dir} COMPONENT dev)
safesar_package_docs(dev safesar-dev)

# The packages install under /usr; a build for another prefix makes none (the engine's
# fallback path to its dictionaries is the prefix's).
if(CMAKE_INSTALL_PREFIX STREQUAL "/usr")
  include(cmake/Packaging.cmake)
else()
  message(STATUS "No Debian packages: CMAKE_INSTALL_PREFIX is ${CMAKE_INSTALL_PREFIX}, not /usr")
endif()
