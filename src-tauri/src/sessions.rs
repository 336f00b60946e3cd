//! 读一次、用多次的预览：导入对话框与指引导入对话框先读文件得到预览，界面拿编号（token）比对、
//! 写入，不再读文件。只留最近 [`Sessions::KEEP`] 次，写入成功后删去。

use std::sync::Mutex;

use mulu_api::ApiError;

/// 编号 → 预览会话（`T` 为 [`mulu_api::import::ImportSession`] 或
/// [`mulu_api::guideline::GuidelineRead`]）。
pub struct Sessions<T> {
    inner: Mutex<(u64, Vec<(u64, T)>)>,
}

impl<T> Default for Sessions<T> {
    fn default() -> Self {
        Sessions {
            inner: Mutex::new((0, Vec::new())),
        }
    }
}

impl<T> Sessions<T> {
    const KEEP: usize = 4;

    /// 存下一次预览，返回它的编号；超出 [`Self::KEEP`] 次时丢掉最早的。
    pub fn insert(&self, session: T) -> u64 {
        let mut g = self.inner.lock().unwrap_or_else(|p| p.into_inner());
        g.0 += 1;
        let token = g.0;
        g.1.push((token, session));
        let over = g.1.len().saturating_sub(Self::KEEP);
        g.1.drain(..over);
        token
    }

    /// 在编号为 `token` 的会话上执行 `f`；`done` 为真时执行成功后删去会话（失败时留着，可再试）。
    pub fn with<R>(
        &self,
        token: u64,
        done: bool,
        f: impl FnOnce(&mut T) -> Result<R, String>,
    ) -> Result<R, String> {
        let mut g = self.inner.lock().unwrap_or_else(|p| p.into_inner());
        let at =
            g.1.iter()
                .position(|(t, _)| *t == token)
                .ok_or_else(|| ApiError::PreviewGone.to_string())?;
        let out = f(&mut g.1[at].1)?;
        if done {
            g.1.remove(at);
        }
        Ok(out)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn keeps_the_latest_few_and_forgets_a_committed_one() {
        let s = Sessions::<&str>::default();
        let tokens: Vec<u64> = ["一", "二", "三", "四", "五"]
            .into_iter()
            .map(|x| s.insert(x))
            .collect();
        assert!(
            s.with(tokens[0], false, |x| Ok(*x)).is_err(),
            "最早的已丢掉"
        );
        assert_eq!(s.with(tokens[4], false, |x| Ok(*x)), Ok("五"));
        assert_eq!(
            s.with(tokens[4], true, |_| Err::<(), _>("失败".to_string())),
            Err("失败".to_string())
        );
        assert_eq!(s.with(tokens[4], true, |x| Ok(*x)), Ok("五"), "失败时留着");
        let gone = s.with(tokens[4], false, |x| Ok(*x)).unwrap_err();
        assert_eq!(gone, ApiError::PreviewGone.to_string());
    }
}
