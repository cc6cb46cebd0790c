// Poppler's C++ interface: the only parser of PDF input (records and our own output).
#pragma once
#pragma GCC system_header

#include <poppler/cpp/poppler-document.h>
#include <poppler/cpp/poppler-global.h>
#include <poppler/cpp/poppler-image.h>
#include <poppler/cpp/poppler-page-renderer.h>
#include <poppler/cpp/poppler-page.h>
