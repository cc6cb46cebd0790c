# Files the packages carry that are made at build time: the man pages, written by help2man from
# the programs' own --help and --version (so they cannot drift from the command line), and the
# Debian changelog, compressed as Debian policy asks (gzip -9n: no name, no time stamp).
find_program(HELP2MAN help2man REQUIRED)
find_program(GZIP gzip REQUIRED)
set(package_files ${CMAKE_CURRENT_BINARY_DIR}/packaging)
file(MAKE_DIRECTORY ${package_files})

set(man_sh ${PROJECT_SOURCE_DIR}/packaging/man/make-man.sh)
add_custom_command(OUTPUT ${package_files}/safesar.1.gz
  COMMAND sh ${man_sh} $<TARGET_FILE:safesar> ${PROJECT_SOURCE_DIR}/packaging/man/safesar.h2m
          "answer subject access requests safely" ${package_files}/safesar.1.gz
  DEPENDS safesar ${man_sh} ${PROJECT_SOURCE_DIR}/packaging/man/safesar.h2m VERBATIM)
set(man_pages ${package_files}/safesar.1.gz)
if(SAFESAR_BUILD_GUI)
  add_custom_command(OUTPUT ${package_files}/safesar-gui.1.gz
    COMMAND sh ${man_sh} $<TARGET_FILE:safesar-gui>
            ${PROJECT_SOURCE_DIR}/packaging/man/safesar-gui.h2m
            "the SafeSAR reviewer desktop" ${package_files}/safesar-gui.1.gz
    DEPENDS safesar-gui ${man_sh} ${PROJECT_SOURCE_DIR}/packaging/man/safesar-gui.h2m VERBATIM)
  list(APPEND man_pages ${package_files}/safesar-gui.1.gz)
endif()

add_custom_command(OUTPUT ${package_files}/changelog.Debian.gz
  COMMAND ${GZIP} -9n -c ${PROJECT_SOURCE_DIR}/packaging/changelog.Debian
          > ${package_files}/changelog.Debian.gz
  DEPENDS ${PROJECT_SOURCE_DIR}/packaging/changelog.Debian VERBATIM)
add_custom_target(safesar_package_files ALL DEPENDS ${man_pages}
                  ${package_files}/changelog.Debian.gz)

install(FILES ${package_files}/safesar.1.gz DESTINATION ${CMAKE_INSTALL_MANDIR}/man1
        COMPONENT cli)
if(SAFESAR_BUILD_GUI)
  install(FILES ${package_files}/safesar-gui.1.gz DESTINATION ${CMAKE_INSTALL_MANDIR}/man1
          COMPONENT gui)
endif()

# Every Debian package carries the copyright file and the changelog in its own doc folder.
function(safesar_package_docs component package)
  install(FILES ${PROJECT_SOURCE_DIR}/packaging/copyright ${package_files}/changelog.Debian.gz
          DESTINATION ${CMAKE_INSTALL_DATADIR}/doc/${package} COMPONENT ${component})
endfunction()
