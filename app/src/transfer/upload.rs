//! The import's upload: a plain `multipart/form-data` form post (works without
//! JavaScript) read by a server function. server_fn's own multipart codec is behind a
//! feature this build does not enable, so the encoding is ours: on the server it reads
//! the form with axum's multipart reader; the browser never calls it from code.

use super::ImportUpload;
#[cfg(feature = "ssr")]
use crate::error::AppError;
use leptos::server_fn::codec::{Encoding, FromReq, IntoReq};
use leptos::server_fn::error::{FromServerFnError, ServerFnErrorErr};
use leptos::server_fn::ContentType;
use std::collections::BTreeMap;

/// The upload's encoding: `multipart/form-data`, posted.
pub struct Upload;

impl ContentType for Upload {
    const CONTENT_TYPE: &'static str = "multipart/form-data";
}

impl Encoding for Upload {
    const METHOD: http::Method = http::Method::POST;
}

/// The posted form: its text fields (`csrf`, `lang`) and the file.
#[derive(Clone, Debug, Default)]
pub struct UploadData {
    pub fields: BTreeMap<String, String>,
    pub file_name: String,
    pub bytes: Vec<u8>,
}

impl UploadData {
    pub fn field(&self, name: &str) -> &str {
        self.fields.get(name).map(String::as_str).unwrap_or("")
    }
}

impl<R, E: FromServerFnError> IntoReq<Upload, R, E> for ImportUpload {
    fn into_req(self, _path: &str, _accepts: &str) -> Result<R, E> {
        Err(E::from_server_fn_error(ServerFnErrorErr::Request(
            "the import is uploaded with a form post".into(),
        )))
    }
}

#[cfg(feature = "ssr")]
impl FromReq<Upload, http::Request<axum::body::Body>, AppError> for ImportUpload {
    async fn from_req(request: http::Request<axum::body::Body>) -> Result<Self, AppError> {
        use axum::extract::{FromRequest, Multipart};
        fn bad(_: impl std::fmt::Display) -> AppError {
            AppError::BadRequest("file".into())
        }
        // The body limit is the one `server_fns::limit_body` set for this path.
        let mut form = Multipart::from_request(request, &()).await.map_err(bad)?;
        let mut upload = UploadData::default();
        while let Some(field) = form.next_field().await.map_err(bad)? {
            let name = field.name().unwrap_or_default().to_owned();
            if name == "file" {
                upload.file_name = field.file_name().unwrap_or_default().to_owned();
                upload.bytes = Vec::from(field.bytes().await.map_err(bad)?);
            } else if upload.fields.len() < 8 {
                let value = field.text().await.map_err(bad)?;
                upload
                    .fields
                    .insert(name, value.chars().take(200).collect());
            }
        }
        Ok(ImportUpload { upload })
    }
}

#[cfg(not(feature = "ssr"))]
impl<R, E: FromServerFnError + Send> FromReq<Upload, R, E> for ImportUpload {
    fn from_req(request: R) -> impl std::future::Future<Output = Result<Self, E>> + Send {
        drop(request);
        std::future::ready(Err(E::from_server_fn_error(ServerFnErrorErr::Request(
            "server only".into(),
        ))))
    }
}
